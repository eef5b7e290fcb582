"""The rows of the three seed workplans, as data for ``make_samples.py``.

Every text is the seed's text (``/work/shared/seeds/``) with its corruption kept
on purpose: cut-off sentences, header text bled into cells, missing action
numbers, stray spaces and non-breaking spaces. Do not "fix" them: the samples
exist to exercise the repairs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Status = Literal["Complete", "On track", "At risk", "Overdue"]
Column = Literal["status", "impact", "action", "themes", "lead", "timeframe"]


@dataclass(frozen=True)
class Bullet:
    """A paragraph with an automatic Word bullet (style ``List Bullet``)."""

    text: str


Para = str | Bullet
Cell = tuple[Para, ...]  # one entry per paragraph of the cell


@dataclass(frozen=True)
class Row:
    """One action row; ``status`` is shown as a cell fill, never as text."""

    action: Cell
    lead: Cell
    themes: Cell = ("",)
    timeframe: Cell = ("",)
    status: Status | None = None


@dataclass(frozen=True)
class Priority:
    """An impact statement, merged down over the rows of its actions.

    ``own_row``: the impact sits in a row of its own above its first action.
    """

    impact: Cell
    rows: tuple[Row, ...]
    own_row: bool = False


@dataclass(frozen=True)
class Workplan:
    """Everything needed to build one sample document."""

    stem: str
    title: tuple[str, ...]  # body paragraphs before the table
    columns: tuple[Column, ...]
    header: tuple[str, ...]  # header-row text per column
    widths_cm: tuple[float, ...]
    priorities: tuple[Priority, ...]
    status_column: Column | None = None  # the cell that carries the status fill
    status_fills: Mapping[Status, str] | None = None
    colour_key: tuple[tuple[str, str], ...] = ()  # (label, fill) above the table
    footnote_column: Column | None = None  # header cell with the footnote reference
    logo: bool = False
    page_header: str = ""
    closing: str = ""


def row(
    action: str | Cell,
    lead: str | Cell,
    themes: str | Cell = "",
    timeframe: str | Cell = "",
    status: Status | None = None,
) -> Row:
    """A row from plain strings (one paragraph) or tuples (several paragraphs)."""

    def cell(value: str | Cell) -> Cell:
        return (value,) if isinstance(value, str) else value

    return Row(cell(action), cell(lead), cell(themes), cell(timeframe), status)


FOOTNOTE = (
    "The MSCP business includes five cross-cutting themes: A) Voice of children, young "
    "people, and families, b) Think Family, c) Addressing disproportionality, d) Pressures "
    "on families including cost-of-living and impact of Covid-19, e) Learning from reviews "
    "& embedding reforms"
)
LOGO_ALT_TEXT = "A close up of a logo\n\nDescription automatically generated"

# The document's own colour key (seed 000) and the usual RAG fills (seed 001).
KEY_FILLS: Mapping[Status, str] = {
    "Complete": "8EAADB",
    "On track": "A8D08D",
    "At risk": "FFD966",
    "Overdue": "FF7C80",
}
RAG_FILLS: Mapping[Status, str] = {
    "On track": "00B050",
    "At risk": "FFC000",
    "Overdue": "FF0000",
    "Complete": "0070C0",
}

# --- seed 000: PPYP 2021-22 ---------------------------------------------------

_NEGLECT = " Compared to the effectiveness and quality of the work being done to safeguard adolescents at risk of neglect."
_P3_IMPACT = (
    "3. MSCP is assured on the effectiveness and quality of the work being done to safeguard"
    " adolescents at risk of neglect."
    + _NEGLECT
    * 8
    + " Compared to the effectiveness and quality of the work being done to the effectiveness"
    " and quality of t"
)

PPYP_2021_22 = Workplan(
    stem="ppyp-2021-22",
    title=("DRAFT PROMOTE AND PROTECT YOUNG PEOPLE SUB-GROUP WORKPLAN 2021-22",),
    columns=("impact", "action", "lead"),
    header=(
        "IMPACT – WHAT WILL SUCCESS LOOK LIKE?",
        "ACTION – WHAT DO WE NEED TO DO TO ACHIEVE OUR GOALS/TIMESCALE FOR DELIVERY?",
        "Lead",
    ),
    widths_cm=(8.0, 11.0, 5.5),
    status_column="action",
    status_fills=KEY_FILLS,
    colour_key=(
        ("Action Complete", KEY_FILLS["Complete"]),
        ("Action on Track", KEY_FILLS["On track"]),
        ("Action at Risk", KEY_FILLS["At risk"]),
        ("Action Overdue", KEY_FILLS["Overdue"]),
    ),
    priorities=(
        Priority(
            (
                "The MSCP and partner agencies are focussed on providing a comprehensive, multi-agency approach to safeguarding children and young people in the context of their surroundings and the contexts in which they spend their time (Contextual Safeguarding Strategy)",
            ),
            (
                row(
                    "1.1 Implementation Task and finish group to consult with and develop an engagement plan for young people",
                    "Keith Shipman (LB Merton)/Young Inspectors",
                    status="On track",
                ),
                row(
                    "1.2 Produce Safeguarding Adolescent's Practice Guide (to include mapping of service provision) for practitioners working across the MSCP.",
                    "John Walsh (LB Merton)",
                    status="Complete",
                ),
                row(
                    "Survey to test effectiveness of new practice guide in safeguarding children 6 months after Strategy launch",
                    "John Walsh (LB Merton)/Business Support Unit",
                    status="On track",
                ),
                row(
                    "1.4 Regular monitoring of children and young people at risk through the performance information shared with the Subgroup quarterly.",
                    "All",
                    status="On track",
                ),
                row(
                    "1.5 Conduct an excellence review to show case good practice.",
                    "Margaret Mansfield (NHS)",
                    status="At risk",
                ),
            ),
        ),
        Priority(
            (
                " Children and young people have early help and effective support from the adults in their lives to promote and maintain their emotional wellbeing. That where emotional and psychological distress is ongoing or heightened, children and young people have timely access to specialist emotional wellbeing practitioners to prevent mental health problems arising. ",
            ),
            (
                row(
                    "2.1 The CAMHS partnership are gathering data on incidents/prevalence of concerns about children's mental and emotional health throughout 2020/21 to understand where prevalence has increased during the COVID pandemic. This Subgroup to consider findings and actions arising. (September 2021)",
                    "Keith Shipman (LB Merton)",
                    status="Complete",
                ),
                row(
                    "2.2 Children's Trust to commission a borough wide survey with children and young people to explore the main issues that have affected them and their emotional wellbeing during the COVID pandemic. This Subgroup to consider findings and actions arising. (October 2021)",
                    "Keith Shipman/Robert Carrick (LB Merton)",
                    status="Complete",
                ),
                row(
                    "2.3 To receive assurance about schools' approaches to tackling and support YP who are victims of bullying.",
                    "Keith Shipman (LB Merton)",
                    status="On track",
                ),
            ),
        ),
        Priority(
            (_P3_IMPACT,),
            (
                row(
                    "ACHIEVE OUR GOALS/TIMESCALE FOR",
                    "Lead Business Support Unit/Anne Akamo/Margaret Mansfield",
                ),
                row(
                    "3.3 Promote early identification and intervention in cases of adolescent neglect (to be informed by work of 3.1 above, October 2021)",
                    "Subgroup",
                    status="Overdue",
                ),
                row(
                    "3.4 Working with the Early Help and Neglect Subgroup decide whether Merton to review the neglect toolkit which his being piloted across all partner agencies to ensure it addresses adolescent neglect (to be informed by work of 3.1 and 3.2 above October 2021)",
                    "[Link with wider EH and Neglect work carried out by EH and Neglect Subgroup]",
                    status="At risk",
                ),
            ),
        ),
        Priority(
            (
                "4. To have strategic oversight and assurance regarding the effectiveness of the work being done to safeguarding children from criminal and sexual exploitation, serious youth violence, gangs, peer on peer abuse, harmful sexual behaviour and other forms of harm occurring in contexts beyond the family home.",
            ),
            (
                row(
                    "4.1 Review of the use, effectiveness and connectedness of the multi-agency adolescent panels overseeing children in a range of risk/contextual harm groups.",
                    "John Walsh/James Dickson Leach",
                    status="On track",
                ),
                row(
                    " 4.2 Maintain oversight of all forms of adolescent exploitation reported locally through the MARVE Panel to identify trends and any gaps in practice and ways of working to be addressed and sub-group to receive the following: Annual CME report (Keith Shipman – June 2021 for 19/20 report and March 2022 for 20/21) Annual contextual safeguarding report (John/police - July for 20/21 and June 2022 for 21/22) Quarterly performance dataset (Karl Mittelstadt/Claire Bailey - quarterly) Risk and Resilience Service Annual Report (Sarah Bell – June 2021) CCG Annual contextual safeguarding report (Margaret Mansfield, Anne Akaro/Ann-Marie Brosnan – July 2021 for 20/21 and July 2022 for 21/22) ",
                    "Sub-group",
                    status="On track",
                ),
            ),
        ),
        Priority(
            (
                "5. For the MSCP to have oversight on the support offered to children and young Victims of Violence, particularly violence from other children or young people.",
            ),
            (
                row(
                    "5.1 To undertake scoping review of children and young people of victims of youth violence",
                    "MSCP Business Unit",
                    status="Complete",
                ),
                row(
                    "5.2 There is assurance that services are available to meet needs of young person who experiences peer on peer or other forms of youth violence is offered appropriate support and that pathways are understood across the partnership.",
                    "Youth Crime Executive Board",
                    status="On track",
                ),
                row(
                    "5.3 To undertake partnership survey around how informed partners are around the pathways to support victims of peer on peer or youth violence.",
                    "MSCP Business Unit",
                    status="Overdue",
                ),
                row(
                    "5.4 To share police dataset.",
                    "Amanda Mawhinney/ James Dickson Leach",
                    status="On track",
                ),
            ),
        ),
        Priority(
            (
                " Ensure new policies reflect the needs of children who are at vulnerable or at risk of exploitation and consider learning arising from case reviews. ",
            ),
            (
                row(
                    "6.1 Review relevant new policies and procedures referred by the Policy and Training Group prior to publication (ongoing)",
                    "Subgroup",
                    status="On track",
                ),
                row("6.2 Learning from serious case reviews", "Subgroup"),
            ),
        ),
    ),
)

# --- seed 001: PPYP 2023-24 ---------------------------------------------------

_LEARNING = "Learning from reviews & embedding reforms"

PPYP_2023_24 = Workplan(
    stem="ppyp-2023-24",
    title=(
        " Description automatically generated]PROMOTE AND PROTECT YOUNG PEOPLE (PPYP) ",
        "SUB-GROUP WORKPLAN 2023-24",
    ),
    logo=True,
    columns=("status", "impact", "action", "themes", "lead", "timeframe"),
    header=(
        "",
        "Impact – what will success look like?\u00a0",
        "Action – what we will do to achieve this\u00a0",
        "Cross-Cutting Themes",
        "Lead\u00a0",
        "Timeframe\u00a0",
    ),
    widths_cm=(0.6, 5.9, 7.8, 3.8, 3.8, 2.6),
    status_column="status",
    status_fills=RAG_FILLS,
    footnote_column="themes",
    priorities=(
        Priority(
            (
                "1. Provide strategic oversight for the delivery of the MSCP Contextual Safeguarding Strategy and its coexistent multi-agency Action Plan, ensuring that a comprehensive, multi-agency approach to safeguarding children and young people from criminal and sexual exploitation, serious youth violence, gangs, peer on peer abuse, harmful sexual behaviour and other forms of harm occurring in contexts beyond the family home.",
            ),
            (
                row(
                    "1.1 Maintain oversight of all forms of adolescent exploitation reported locally through the Strategic MACE Panel to identify trends and any gaps in practice and ways of working to be addressed",
                    ("Michelle Waldron /", "Pete Harvey"),
                    "",
                    "Quarterly",
                    "On track",
                ),
                row(
                    (
                        "1.2 Sub-group to receive the following: ",
                        "a) Annual CME report ",
                        "b) Annual contextual safeguarding report ",
                        "c) Risk and Resilience Service Annual Report ",
                        "d) Health Economy Annual contextual safeguarding report",
                        "e) Substance Misuse sub-group Updates (TBC)",
                    ),
                    (
                        "",
                        "a) Keith Shipman ",
                        "b) Service Manager - CSC & Youth Inclusion ",
                        "c) Kelly Anderson",
                        "d) Janet Edwards/Anne Akamo",
                        "e) Keith Shipman",
                    ),
                    "",
                    (
                        "Proposed schedule:",
                        "a) Autumn 2023",
                        "b) TBC",
                        "c) September 2023",
                        "d) TBC",
                        "e) TBC",
                    ),
                    "On track",
                ),
                row(
                    "1.3 Review & refresh partnership’s Contextual Safeguarding Strategy & associated action plans, to include findings from relevant rapid reviews and LCSPRs",
                    "Michelle Waldron",
                    "",
                    "TBA - 2024",
                    "At risk",
                ),
                row(
                    "1.4 Supporting the partnership to respond to emerging themes and best practice around contextual safeguarding ",
                    "Full Subgroup",
                    _LEARNING,
                    "Quarterly review",
                    "On track",
                ),
                row(
                    (
                        "1.5 Receive and consider data on other areas of concern, such as:",
                        Bullet("Self-harm and suicide prevention"),
                        Bullet("Substance misuse"),
                    ),
                    "Keith Shipman & Sarah Brewster (substance misuse)",
                    "",
                    "Quarterly or 6-monthly?",
                    "Overdue",
                ),
            ),
        ),
        Priority(
            (
                "2. Support the MSCP response to Thematic Scrutiny & Audit Findings from 2022-23 around contextual safeguarding, adultification and sexual violence in schools",
            ),
            own_row=True,
            rows=(
                row(
                    (
                        "2.1a Develop and promote innovative ways that children can report sexual harassment and abuse including: Anonymous reporting/online options, Beyond education settings e.g. 'Safer Streets' app as a way of reporting location",
                        "",
                    ),
                    "Lead to be agreed",
                    f"{_LEARNING}; Voice of CYP and families",
                    "TBA",
                    "At risk",
                ),
                row(
                    (
                        "2.1b Work with children and young people, especially those that have lived experience of sexual harassment and abuse, to regularly review the success of responses (in school and wider services).",
                        "",
                    ),
                    "Lead to be agreed",
                    f"{_LEARNING}; Voice of CYP and families",
                    "TBA",
                    "At risk",
                ),
                row(
                    "2.1c Refresh HSB policy with schools/colleges reps including special schools.",
                    "Lead to be agreed with support from Halima Mehmood",
                    _LEARNING,
                    "Dec 2023",
                    "On track",
                ),
                row(
                    "2.1d Raise awareness of risks and challenge attitudes to sexual harassment in the wider community - include parents and practitioners.",
                    "Lead to be agreed",
                    f"{_LEARNING}; Think Family",
                    "TBA",
                    "At risk",
                ),
                row(
                    (
                        "2.2 Set up multi-agency roundtable to consider and propose improved approach to information, particularly reflecting recent MSCP learning, including:",
                        Bullet(
                            "Dissemination of decision & relevant info, including actions, following key meetings (contextual safeguarding audit)"
                        ),
                        Bullet(
                            "How to share info with networks, without disrupting relationship between worker and young person (Child O RR)"
                        ),
                    ),
                    "Joseph Davenport supported by Hayley Carter",
                    _LEARNING,
                    "TBA",
                    "Overdue",
                ),
                row(
                    "2.3 Support the adultification task & finish group to deliver actions in response to adultification scrutiny ",
                    "Full subgroup",
                    f"Addressing disproportionality; {_LEARNING} ",
                    "TBA",
                    "On track",
                ),
            ),
        ),
        Priority(
            (
                "3. The subgroup ensures that MSCP policies, performance and learning from reviews and audits, within the remit of the subgroup, are regularly reviewed and progressed as required.",
                "",
            ),
            (
                row(
                    "3.1 Review MSCP policy and procedure documents referred by the Policy & Training Sub-Group to ensure they are up to date, relevant and fully reflect the needs of children and young people prior to publication.",
                    "Full Subgroup",
                    "",
                    "Ad-hoc",
                    "Complete",
                ),
                row(
                    "3.2 Ensure that relevant recommendations and learning from local/national reviews are reflected and updated within policies, working procedures and training programme in the MSCP.\u00a0\u00a0  ",
                    "Full Subgroup",
                    _LEARNING,
                    "Ad-hoc",
                    "On track",
                ),
                row(
                    "3.3 Review up-to-date performance data ",
                    "Full Subgroup",
                    "",
                    "Quarterly",
                    "Complete",
                ),
                row(
                    "3.4 Support and contribute towards MSCP audits and scrutiny as required",
                    "Full Subgroup",
                    _LEARNING,
                    "Ad-hoc",
                    "On track",
                ),
            ),
        ),
    ),
)

# --- seed 003: ESS 2023-24 ----------------------------------------------------

_TF = "Think Family"
_VOICE = "Voice of CYP and families"

ESS_2023_24 = Workplan(
    stem="ess-2023-24",
    title=(),
    page_header="Effective Safeguarding and Support Workplan 2023-2024",
    columns=("impact", "action", "themes", "lead", "timeframe"),
    header=(
        "Impact – what will success look like?",
        "Action – what we will do to achieve this",
        "Cross-Cutting Themes",
        "Lead",
        "Timeframe",
    ),
    widths_cm=(6.2, 8.0, 3.8, 3.9, 2.6),
    footnote_column="themes",
    priorities=(
        Priority(
            (
                "1. The subgroup helps co-ordinate and progress a multi-agency response to help reduce incidents of Domestic Violence and Abuse, and work towards a reduction in perpetrators' violent and abusive behaviour",
            ),
            (
                row(
                    "1.1 Explore opportunities for providing perpetrator programme in Merton which will contribute to a reduction in reoffending.",
                    "VAWG Board, Police, CSF",
                    _TF,
                    "",
                ),
                row(
                    "1.2 Continue raising awareness to ensure that practitioners, across all agencies, have shared understanding of local thresholds and referral pathways, and knowledge and implications of the Domestic Abuse Act 2021",
                    "Zoe Gallen, MSCP BSU",
                    _LEARNING,
                    "Ongoing",
                ),
                row(
                    "1.3 Ensure that the understanding and implications of Clare's Law is sufficient across the MSCP, including key messaging and guidance on the MSCP website",
                    "Zoe Gallen, MSCP BSU",
                    _LEARNING,
                    "Ongoing",
                ),
                row(
                    "1.4 Hold focus groups for children and young people who have experience of domestic abuse to share their views with the partnership.",
                    "Maureen Bailey / Beau Fadahunsi with support from Halima Mehmood",
                    _VOICE,
                    "TBA",
                ),
                row(
                    "1.5 Improve MSCP promotion of child DA directory on Merton Council website. To include: -review of MSCP Domestic Abuse webpage for parents/carers -development of new MSCP webpage for children and young people -promotion within bi-monthly MSCP newsletter -inclusion in MSCP DA training resources",
                    "Halima Mehmood with support from ESS subgroup members",
                    f"{_VOICE}; {_TF}",
                    "December 2023",
                ),
                row(
                    "1.6 Review of DV worker post within the Children and Families Hub with a view to help inform and evidence its impact for the upcoming MSCP Annual Report.",
                    "Hub Manager/ Zoe Gallen",
                    _TF,
                    "Agree timeframe",
                ),
                row(
                    "1.7 Deliver session for Full Partnership on VAWG Strategy & White Ribbon and oversee delivery of agreed follow-up actions.",
                    "Zoe Gallen / ESS Sub-Group",
                    _TF,
                    "June 2023 (session) TBC (follow-up work)",
                ),
                row(
                    "1.8 Effective implementation of Child/Adolescent to Parent Violence and Abuse (CAPVA) project",
                    "Tendai Dooley / Debbie Eaton",
                    f"{_TF}; {_VOICE};",
                    "August 2025",
                ),
            ),
        ),
        Priority(
            (
                "2. The Partnership has assurance that children who are at risk of neglect receive a skilled, timely, joined up response, aligned to the Merton Child, Young Person and Family Well-Being Model, to reduce the risk of neglect and keeps them safe",
            ),
            (
                row(
                    "2.1 Promotion of Neglect Toolkit, including through training, and evaluation of impact",
                    "BSU",
                    f"{_TF}; {_VOICE};",
                    "Ongoing",
                ),
                row(
                    "2.2 Oversee delivery of multi-agency case audit to assess the quality and impact of the work on neglect including service user feedback.",
                    "Independent Scrutineer & Young Scrutineer (Link to QA Subgroup on case audits)",
                    f"{_TF}; {_VOICE}; {_LEARNING}",
                    "March 2024",
                ),
                row(
                    "2.3 Incorporate neglect KPIs into ESS quarterly performance report.",
                    "Claire Bailey",
                    "",
                    "October 2023",
                ),
            ),
        ),
        Priority(
            (
                "3. The subgroup ensures that MSCP policies, performance and learning from reviews and audits, within the remit of the subgroup, are regularly reviewed and progressed as required.",
            ),
            (
                row(
                    "3.1 Review MSCP policy and procedure documents referred by the Policy & Training Sub-Group to ensure they fully reflect the needs of children and young people who are vulnerable or at risk of domestic abuse or neglect prior to publication",
                    "Full Sub-Group",
                    f"{_TF}; {_VOICE}",
                    "Ad-hoc",
                ),
                row(
                    "3.2 Ensure that relevant recommendations and learning from local/national reviews are reflected and updated within policies, working procedures and training programme in the MSCP.",
                    "Full Sub-Group",
                    _LEARNING,
                    "Ad-hoc",
                ),
                row(
                    "3.3 Review up-to-date performance data and understand neglect and domestic abuse, think family, children and young people and perpetrator trends.",
                    "Sub-Group with Claire Bailey",
                    _TF,
                    "Quarterly",
                ),
                row(
                    "3.4 Support and contribute towards MSCP audits and scrutiny as required",
                    "Full Sub-Group with QA Sub-Group and scrutineers",
                    f"{_TF}; {_LEARNING}; {_VOICE}",
                    "Ad-hoc",
                ),
            ),
        ),
    ),
    closing=(
        "Activity under the previous work plan priority “2. The Partnership has assurance that "
        "children who are at risk of neglect receive a skilled, timely, joined up response, "
        "aligned to the Merton Child, Young Person and Family Well-Being Model, to reduce the "
        "risk of neglect and keeps them safe” has been shifted across from the Prevention & "
        "Early Intervention Sub-Group workplan (previously Early Help & Neglect). Some activity "
        "around “Think Family” has remained embedded in this plan; other activity will form "
        "part of the new MSAB/MSCP Think Family group’s activities."
    ),
)

WORKPLANS: tuple[Workplan, ...] = (PPYP_2021_22, PPYP_2023_24, ESS_2023_24)
