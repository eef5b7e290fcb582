"""The layout zoo's plans, as data for ``make_layouts.py`` (issue #13).

Twenty-seven invented UK partnership plans (safeguarding adults boards, community
safety partnerships, health and wellbeing boards, children's partnership
sub-groups), each laid out the way published business plans, delivery plans,
action plans and strategy action tables lay out their tables.

Each action is written here twice over, on purpose: as the document shows it
(``text``, ``lead`` and ``when`` cells, the status mark the layout draws) and as
an analyst fills in the register for it (``leads``, ``support``, timeframe type
and due date, status by the document's own key, canonical themes). The second
half is typed by hand, by the contract's rules (``../shared/REGISTER.md``); no
rule of the program computes it. ``make_layouts.py --goldens`` copies it into
``expected/<stem>.json`` once (it never overwrites a golden); from then on
the goldens are edited by hand like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["Complete", "On track", "At risk", "Overdue"]
Producer = Literal["docx", "libreoffice", "chromium", "reportlab"]
ALL: tuple[Producer, ...] = ("docx", "libreoffice", "chromium", "reportlab")
THREE: tuple[Producer, ...] = ("docx", "libreoffice", "chromium")

# Layouts the engineers changing parsers/ and normalise/ leave out of their
# tuning and check last (issue #13: "Leave some of them out of your tuning").
HOLDOUT = frozenset({"millbrook-csp-continued", "lowther-csp-grouped", "hollins-sab-googledocs"})
# A second held-out set, written after the parsers were tuned on the seventeen,
# by someone who had not read parsers/ or normalise/: shapes none of the
# seventeen has. Check last, never tune on them.
HOLDOUT_2 = frozenset(
    {
        "ellerby-hwb-gantt",
        "dunmore-csp-portrait",
        "ravensworth-sab-borderless",
        "thornbury-cp-titled-tables",
    }
)

_TYPES = {"Recurring", "Ongoing", "Ad hoc", "To be agreed", "None"}


@dataclass(frozen=True)
class Act:
    """One action: its cells as the document writes them and the register row an analyst writes.

    ``due`` is typed by hand: an ISO date (type ``Date``), or a timeframe type
    (``Recurring``, ``Ongoing``, ``Ad hoc``, ``To be agreed``, ``None``),
    optionally followed by an ISO date (``To be agreed 2024-12-31``).
    ``start`` is the Start cell of a layout with a Start | End pair (``when``
    is then the End cell). ``extra`` fills the layout's unused columns in order.
    """

    id: str
    text: str
    lead: str
    leads: tuple[str, ...]
    when: str
    due: str
    status: str | None = (
        None  # a key's status, or the mark the document writes (``Delayed``, ``A``)
    )
    themes: tuple[str, ...] = ()
    partners: str = ""
    support: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    start: str = ""

    @property
    def timeframe_as_written(self) -> str:
        return f"{self.start} - {self.when}" if self.start else self.when

    @property
    def timeframe_type(self) -> str:
        if self.due in _TYPES:
            return self.due
        word = self.due.rpartition(" ")[0]  # "To be agreed 2025-12-31"
        return word if word in _TYPES else "Date"

    @property
    def due_date(self) -> str | None:
        last = self.due.split()[-1] if self.due else ""
        return last if last[:2] == "20" else None


Mode = Literal["single", "numbered", "bulleted", "nested", "subrows"]


@dataclass(frozen=True)
class Row:
    """One table row. Several actions share it in ``numbered`` lines (ids written),
    ``bulleted`` lines (ids inferred from ``ref``: ``2.3a``, ``2.3b``) or a
    ``nested`` table of sub-actions (``a)``, ``b)`` under ``ref``) after ``intro``.
    ``subrows``: a parent row (``ref``, ``intro``, no lead or date) followed by one
    row per numbered sub-action (``3.1.1``, ``3.1.2``)."""

    acts: tuple[Act, ...]
    mode: Mode = "single"
    intro: str = ""
    ref: str = ""


@dataclass(frozen=True)
class Group:
    """A priority: ``label`` as the document writes it, ``impact`` as the register keeps it."""

    number: int | None
    label: str
    impact: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Col:
    """A column: its role, header text, width (cm) and the group header above it, if any.

    Roles: ``ref``, ``objective`` (the group's label merged down), ``action``,
    ``lead``, ``partners``, ``when``, ``start``, ``status``, ``tick:<canonical theme>``,
    ``extra:<n>`` (a column the register does not use).
    """

    role: str
    header: str
    width: float
    group: str = ""


@dataclass(frozen=True)
class Layout:
    stem: str
    title: str
    key: str  # the register's workplan key, e.g. "KSAB 2024-25"
    workplan: str  # the register's Workplan (title cleaned)
    period: str
    shows: str  # one line for the README
    columns: tuple[Col, ...]
    groups: tuple[Group, ...]
    priority_as: Literal["band", "heading", "objective", "none"]
    status_as: Literal["fill", "word", "letter", "dot", "square", "none"]
    # The document's own key: (status, label printed in the key, the mark: fill hex or word).
    status_key: tuple[tuple[Status, str, str], ...] = ()
    intro: tuple[str, ...] = ()
    ruling: Literal["grid", "horizontal"] = "grid"
    tables: int = 1  # body rows split over this many tables, the later ones without a header
    page_break_between_tables: bool = False  # each continuation table starts a new page
    content_controls: bool = False
    notes: tuple[str, ...] = ()  # rows merged across the foot of the last table (notes, the key)
    page_header: str = ""  # a line at the top of every page (Word header, reportlab canvas)
    header_fill: str = "D9E2F3"
    band_fill: str = "EDEDED"
    producers: tuple[Producer, ...] = THREE
    font_pt: float = 10.0
    extra: dict[str, str] = field(default_factory=dict)
    # A layout whose shape the abstract grid cannot draw is built by its own
    # function in ``make_holdout2.py`` (the second held-out set) or
    # ``make_holdout3.py`` (the third).
    builder: str = ""


def acts_of(layout: Layout) -> list[tuple[Group, Act]]:
    """Every action of a layout in document order, with its group."""
    return [(g, a) for g in layout.groups for r in g.rows for a in r.acts]


FILL_KEY: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Complete", "5B9BD5"),
    ("On track", "On track", "70AD47"),
    ("At risk", "At risk of delay", "FFC000"),
    ("Overdue", "Overdue / not started", "FF0000"),
)
DOT_KEY: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Completed", "2E75B6"),
    ("On track", "Progressing as planned", "00B050"),
    ("At risk", "Some slippage – at risk", "FFC000"),
    ("Overdue", "Significantly off track – overdue", "C00000"),
)
LETTER_KEY: tuple[tuple[Status, str, str], ...] = (
    ("Overdue", "R – off track: target date missed", "R"),
    ("At risk", "A – at risk of missing the target date", "A"),
    ("On track", "G – on track", "G"),
    ("Complete", "C – complete", "C"),
)
WORD_KEY: tuple[tuple[Status, str, str], ...] = (
    ("On track", "On track – progressing to the target date", "On track"),
    ("At risk", "Delayed – behind plan, at risk of missing the target date", "Delayed"),
    ("Overdue", "Off track – the target date has passed", "Off track"),
    ("Complete", "Complete – delivered and evidenced", "Complete"),
)


def A(
    id: str,
    text: str,
    lead: str,
    when: str,
    due: str,
    status: str | None = None,
    *,
    leads: tuple[str, ...] | None = None,
    **kw: object,
) -> Act:
    """An action whose canonical lead is the lead cell itself unless ``leads`` says otherwise."""
    return Act(id, text, lead, leads if leads is not None else (lead,), when, due, status, **kw)  # type: ignore[arg-type]


def status_of(layout: Layout, value: str | None) -> tuple[str, Status | None]:
    """The mark a layout draws for ``value`` and the status the document's key gives it.

    ``value`` is either a status or the key's own mark (``Delayed``, ``A``); the
    analyst reads the mark through the document's key, as REGISTER.md asks.
    """
    if value is None:
        return "", None
    for status, _label, mark in layout.status_key:
        if value in (status, mark):
            return mark, status
    raise ValueError(f"{layout.stem}: {value!r} is not in the document's key")


def one(*acts: Act) -> tuple[Row, ...]:
    return tuple(Row((a,)) for a in acts)


# --- 1. SAB business plan: Objective column merged down, shaded RAG column ---------------

KSAB = Layout(
    stem="ksab-business-plan",
    title="Kingsmere Safeguarding Adults Board (KSAB) Business Plan 2024-25",
    key="KSAB 2024-25",
    workplan="Kingsmere Safeguarding Adults Board Business Plan",
    period="2024-25",
    shows="SAB business plan: Ref | Objective (merged down, `Objective 1: ...`) | What we will do | Lead | Target date | RAG shaded, colour key table",
    intro=(
        "The Board's business plan sets out how partners will deliver the three strategic "
        "objectives agreed for 2024-25. Progress is reported to each Board meeting.",
    ),
    columns=(
        Col("ref", "Ref", 1.4),
        Col("objective", "Objective", 6.0),
        Col("action", "What we will do", 9.5),
        Col("lead", "Lead", 4.2),
        Col("when", "Target date", 2.8),
        Col("status", "RAG", 1.6),
    ),
    priority_as="objective",
    status_as="fill",
    status_key=FILL_KEY,
    producers=ALL,
    groups=(
        Group(
            1,
            "Objective 1: Making Safeguarding Personal is embedded in practice across the partnership",
            "Making Safeguarding Personal is embedded in practice across the partnership",
            one(
                A(
                    "1.1",
                    "Audit a sample of section 42 enquiries to test whether the person's desired outcomes were recorded and met",
                    "Priya Nair (Kingsmere Council)",
                    "September 2024",
                    "2024-09-30",
                    "Complete",
                    leads=("Priya Nair",),
                ),
                A(
                    "1.2",
                    "Deliver Making Safeguarding Personal refresher sessions for frontline staff in adult social care, health and housing",
                    "Learning and Development Group",
                    "December 2024",
                    "2024-12-31",
                    "On track",
                ),
                A(
                    "1.3",
                    "Publish an easy read guide to raising a safeguarding concern, co-produced with the Service User Reference Group",
                    "Tom Ashby / Rachel Ogun",
                    "Q3 2024/25",
                    "2024-12-31",
                    "At risk",
                    leads=("Tom Ashby", "Rachel Ogun"),
                ),
            ),
        ),
        Group(
            2,
            "Objective 2: Prevention – adults at risk are identified early and supported before harm occurs",
            "Prevention – adults at risk are identified early and supported before harm occurs",
            one(
                A(
                    "2.1",
                    "Launch a multi-agency self-neglect and hoarding protocol and train champions in each agency",
                    "Head of Adult Safeguarding",
                    "March 2025",
                    "2025-03-31",
                    "On track",
                ),
                A(
                    "2.2",
                    "Map the pathways for adults who fall outside section 42 but need a preventative response",
                    "Daniel Price",
                    "Autumn 2024",
                    "2024-11-30",
                    "Overdue",
                ),
                A(
                    "2.3",
                    "Run a financial abuse and scams awareness campaign with Trading Standards and local banks",
                    "Trading Standards",
                    "Quarterly",
                    "Recurring",
                    "On track",
                ),
            ),
        ),
        Group(
            3,
            "Objective 3: Learning from Safeguarding Adults Reviews improves practice",
            "Learning from Safeguarding Adults Reviews improves practice",
            one(
                A(
                    "3.1",
                    "Track the action plans of the two published Safeguarding Adults Reviews to completion",
                    "SAR Sub-Group",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                ),
                A(
                    "3.2",
                    "Hold a learning event on the thematic review of transitional safeguarding",
                    "Priya Nair (Kingsmere Council)",
                    "June 2024",
                    "2024-06-30",
                    "Complete",
                    leads=("Priya Nair",),
                ),
                A(
                    "3.3",
                    "Test the impact of SAR learning through a practitioner survey and a case file audit",
                    "Quality Assurance Sub-Group",
                    "TBC",
                    "To be agreed",
                ),
            ),
        ),
    ),
)

# --- 2. CSP action plan: band rows, status words with a key, Partners column ---------------

_ASH_LONG = (
    " Partners will share data monthly through the tasking group so that resources follow the hotspots,"
    " and progress will be reported to the Partnership Board each quarter."
)

ASHDOWN = Layout(
    stem="ashdown-csp-action-plan",
    font_pt=11.0,
    title="Safer Ashdown Partnership (SAP) Community Safety Action Plan 2024-25",
    key="SAP 2024-25",
    workplan="Safer Ashdown Partnership Community Safety Action Plan",
    period="2024-25",
    shows="CSP action plan: band rows `Priority N: ...` merged across, No. | Action | Lead | Partners | Deadline | Status words (`On track`, `Delayed`) with a key; long rows split over pages, header repeated",
    intro=(
        "Status key: On track – progressing to the target date; Delayed – behind plan, at risk of "
        "missing the target date; Off track – the target date has passed; Complete – delivered and evidenced.",
    ),
    columns=(
        Col("ref", "No.", 1.3),
        Col("action", "Action", 11.0),
        Col("lead", "Lead", 4.0),
        Col("partners", "Partners", 4.4),
        Col("when", "Deadline", 2.6),
        Col("status", "Status", 2.3),
    ),
    priority_as="band",
    status_as="word",
    status_key=WORD_KEY,
    groups=(
        Group(
            1,
            "Priority 1: Tackling violence against women and girls",
            "Tackling violence against women and girls",
            one(
                A(
                    "1.1",
                    "Commission a specialist domestic abuse service for young people aged 13 to 18, including an outreach worker in each secondary school."
                    + _ASH_LONG,
                    "Community Safety Manager",
                    "31/10/2024",
                    "2024-10-31",
                    "On track",
                    partners="Police, Children's Services",
                    support=("Police", "Children's Services"),
                ),
                A(
                    "1.2",
                    "Deliver the Safer Streets night-time economy programme: welfare hub, taxi marshals and venue staff training on spotting and responding to predatory behaviour.",
                    "Inspector Neil Corrigan",
                    "December 2024",
                    "2024-12-31",
                    "Delayed",
                    partners="Licensing, Ashdown BID",
                    support=("Licensing", "Ashdown BID"),
                    leads=("Neil Corrigan",),
                ),
                A(
                    "1.3",
                    "Review the MARAC referral pathway and repeat referral rate with the IDVA service",
                    "MARAC Chair",
                    "Q4 2024/25",
                    "2025-03-31",
                    "On track",
                    partners="IDVA Service",
                    support=("IDVA Service",),
                ),
            ),
        ),
        Group(
            2,
            "Priority 2: Reducing serious violence",
            "Reducing serious violence",
            one(
                A(
                    "2.1",
                    "Publish the local Serious Violence Duty strategic needs assessment and refresh it annually."
                    + _ASH_LONG,
                    "Amelia Hart",
                    "January 2025",
                    "2025-01-31",
                    "Complete",
                    partners="Public Health, Probation",
                    support=("Public Health", "Probation"),
                ),
                A(
                    "2.2",
                    "Extend the hospital navigator scheme at Ashdown General to weekend evenings",
                    "Violence Reduction Unit",
                    "March 2025",
                    "2025-03-31",
                    "Off track",
                    partners="NHS Ashdown Trust",
                    support=("NHS Ashdown Trust",),
                ),
                A(
                    "2.3",
                    "Fund detached youth work in the three wards with the highest knife crime",
                    "Youth Service",
                    "Summer 2024",
                    "2024-08-31",
                    "Complete",
                ),
                A(
                    "2.4",
                    "Run weapon sweeps and knife arches at key transport hubs in partnership with British Transport Police",
                    "Inspector Neil Corrigan",
                    "Monthly",
                    "Recurring",
                    "On track",
                    partners="British Transport Police",
                    support=("British Transport Police",),
                    leads=("Neil Corrigan",),
                ),
            ),
        ),
        Group(
            3,
            "Priority 3: Anti-social behaviour and neighbourhood crime",
            "Anti-social behaviour and neighbourhood crime",
            one(
                A(
                    "3.1",
                    "Implement the ASB case review (Community Trigger) improvements recommended by the 2023 audit, including a single online form and a 10-day response standard."
                    + _ASH_LONG,
                    "ASB Coordinator",
                    "September 2024",
                    "2024-09-30",
                    "Complete",
                    partners="Housing associations",
                    support=("Housing associations",),
                ),
                A(
                    "3.2",
                    "Set up a problem-solving group for the town centre with shopkeepers and rough sleeping outreach",
                    "Amelia Hart",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                ),
                A(
                    "3.3",
                    "Target burglary hotspots with crime prevention visits and free door and window locks for repeat victims",
                    "Neighbourhood Policing Team",
                    "By end of March 2025",
                    "2025-03-31",
                    "Delayed",
                ),
                A(
                    "3.4",
                    "Evaluate the CCTV upgrade and report the findings to the Partnership Board",
                    "Community Safety Manager",
                    "TBA - 2025",
                    "To be agreed 2025-12-31",
                ),
            ),
        ),
    ),
)

# --- 3. HWB delivery plan: priorities as headings before separate tables, Start | End -------

HARFIELD = Layout(
    stem="harfield-hwb-delivery-plan",
    font_pt=11.0,
    title="Harfield Health and Wellbeing Board (HHWB) Delivery Plan 2024-26",
    key="HHWB 2024-26",
    workplan="Harfield Health and Wellbeing Board Delivery Plan",
    period="2024-26",
    shows="HWB delivery plan: each priority a heading before its own table; ID codes `BS1`; two-row header `Timescale` over `Start | End`; Progress letters R/A/G/C with a key",
    intro=(
        "Progress key: R – off track: target date missed; A – at risk of missing the target date; "
        "G – on track; C – complete.",
    ),
    columns=(
        Col("ref", "ID", 1.5),
        Col("action", "Activity", 12.5),
        Col("lead", "Accountable", 4.6),
        Col("start", "Start", 2.6, group="Timescale"),
        Col("when", "End", 2.6, group="Timescale"),
        Col("status", "Progress", 2.2),
    ),
    priority_as="heading",
    status_as="letter",
    status_key=LETTER_KEY,
    groups=(
        Group(
            1,
            "Priority 1: Best start in life",
            "Best start in life",
            one(
                A(
                    "BS1",
                    "Roll out the family hub model to all four localities, with a single front door for 0-19 services",
                    "Director of Children's Services",
                    "March 2025",
                    "2025-03-31",
                    "On track",
                    start="April 2024",
                ),
                A(
                    "BS2",
                    "Increase uptake of the 2-year-old childcare offer among eligible families",
                    "Early Years Lead",
                    "March 2026",
                    "2026-03-31",
                    "At risk",
                    start="September 2024",
                ),
                A(
                    "BS3",
                    "Deliver the perinatal mental health pathway review",
                    "Harfield ICB",
                    "December 2024",
                    "2024-12-31",
                    "Complete",
                    start="April 2024",
                ),
            ),
        ),
        Group(
            2,
            "Priority 2: Healthy weight and physical activity",
            "Healthy weight and physical activity",
            one(
                A(
                    "HW1",
                    "Adopt a whole-systems approach to healthy weight, starting with a system mapping workshop",
                    "Director of Public Health",
                    "October 2024",
                    "2024-10-31",
                    "Complete",
                    start="June 2024",
                ),
                A(
                    "HW2",
                    "Commission a tier 2 adult weight management service",
                    "Public Health Commissioning",
                    "Q1 2025/26",
                    "2025-06-30",
                    "On track",
                    start="January 2025",
                ),
                A(
                    "HW3",
                    "Open school streets at ten primary schools",
                    "Highways and Transport",
                    "Summer 2025",
                    "2025-08-31",
                    "Overdue",
                    start="Spring 2024",
                ),
            ),
        ),
        Group(
            3,
            "Priority 3: Mental wellbeing",
            "Mental wellbeing",
            one(
                A(
                    "MW1",
                    "Train 200 community champions in Mental Health First Aid",
                    "Harfield Mind",
                    "March 2025",
                    "2025-03-31",
                    "On track",
                    start="May 2024",
                ),
                A(
                    "MW2",
                    "Publish a suicide prevention action plan and real-time surveillance protocol",
                    "Suicide Prevention Partnership",
                    "November 2024",
                    "2024-11-30",
                    "At risk",
                    start="April 2024",
                ),
                A(
                    "MW3",
                    "Review access to talking therapies for older adults and carers",
                    "Harfield ICB",
                    "2025/26",
                    "2026-03-31",
                    "On track",
                    start="April 2025",
                ),
                A(
                    "MW4",
                    "Hold a Board development session on loneliness and social isolation",
                    "Board Manager",
                    "TBC",
                    "To be agreed",
                    None,
                ),
            ),
        ),
    ),
)

# --- 4. Children's partnership sub-group: theme matrix under a group header ---------------

_VOICE, _FAMILY, _DISP = (
    "Voice of CYP and families",
    "Think Family",
    "Addressing disproportionality",
)

NORTHVALE = Layout(
    stem="northvale-lscp-neglect",
    title="Northvale Safeguarding Children Partnership (NSCP) Neglect Sub-Group Workplan 2024-25",
    key="NSCP 2024-25",
    workplan="Northvale Safeguarding Children Partnership Neglect Sub-Group Workplan",
    period="2024-25",
    shows="Children's partnership sub-group: Ref | Outcome (merged) | Action | theme matrix of ticks under `Cross-cutting themes` | Lead | By when | unlabelled shaded status column; two-row header",
    columns=(
        Col("ref", "Ref", 1.2),
        Col("objective", "Outcome", 5.2),
        Col("action", "Action", 7.4),
        Col(f"tick:{_VOICE}", "Voice of the child", 1.9, group="Cross-cutting themes"),
        Col(f"tick:{_FAMILY}", "Think Family", 1.9, group="Cross-cutting themes"),
        Col(f"tick:{_DISP}", "Disproportionality", 2.7, group="Cross-cutting themes"),
        Col("lead", "Lead", 3.4),
        Col("when", "By when", 2.2),
        Col("status", "", 0.9),
    ),
    priority_as="objective",
    status_as="fill",
    status_key=FILL_KEY,
    groups=(
        Group(
            1,
            "1. Neglect is recognised early and children get the right help at the right time",
            "Neglect is recognised early and children get the right help at the right time",
            one(
                A(
                    "1.1",
                    "Relaunch the Graded Care Profile 2 with refresher training for early help and health practitioners",
                    "Sinead Walsh",
                    "November 2024",
                    "2024-11-30",
                    "On track",
                    themes=(_VOICE, _FAMILY),
                ),
                A(
                    "1.2",
                    "Audit neglect cases stepped down from children's social care to early help",
                    "QA Sub-Group",
                    "January 2025",
                    "2025-01-31",
                    "At risk",
                    themes=(_FAMILY,),
                ),
                A(
                    "1.3",
                    "Add questions on neglect to the schools' annual safeguarding self-assessment",
                    "Education Safeguarding Lead",
                    "Spring 2025",
                    "2025-05-31",
                    "Complete",
                    themes=(_VOICE,),
                ),
            ),
        ),
        Group(
            2,
            "2. Families from all communities trust services to help with neglect",
            "Families from all communities trust services to help with neglect",
            one(
                A(
                    "2.1",
                    "Analyse neglect referrals by ethnicity, disability and area and act on the differences found",
                    "Performance Team",
                    "October 2024",
                    "2024-10-31",
                    "Complete",
                    themes=(_DISP,),
                ),
                A(
                    "2.2",
                    "Co-produce neglect information for parents with the Parent Carer Forum, in the five most spoken community languages",
                    "Sinead Walsh / Parent Carer Forum",
                    "March 2025",
                    "2025-03-31",
                    "On track",
                    themes=(_VOICE, _DISP),
                    leads=("Sinead Walsh", "Parent Carer Forum"),
                ),
                A(
                    "2.3",
                    "Hear from young people in care about early signs of neglect they wished adults had noticed",
                    "Children in Care Council",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                    themes=(_VOICE,),
                ),
                A(
                    "2.4",
                    "Report the sub-group's progress to the partnership's executive",
                    "Chair of the Sub-Group",
                    "Quarterly",
                    "Recurring",
                    "On track",
                    themes=(),
                ),
            ),
        ),
    ),
)

# --- 5. SAB strategy action table: horizontal rules only, Outcome bands, Success measure ----

WESTMERE = Layout(
    stem="westmere-sab-strategy",
    title="Westmere Safeguarding Adults Board (WSAB) Strategic Plan 2023-26: Action Table",
    key="WSAB 2023-26",
    workplan="Westmere Safeguarding Adults Board Strategic Plan: Action Table",
    period="2023-26",
    shows="SAB strategy action table ruled by horizontal lines only: band rows `Outcome N – ...`, Ref codes `A1`, Task | Owner | Due, a `Success measure` column the register does not use, no status",
    columns=(
        Col("ref", "Ref", 1.2),
        Col("action", "Task", 10.5),
        Col("lead", "Owner", 4.2),
        Col("when", "Due", 2.6),
        Col("extra:0", "Success measure", 7.5),
    ),
    priority_as="band",
    status_as="none",
    ruling="horizontal",
    header_fill="",
    band_fill="",
    groups=(
        Group(
            1,
            "Outcome 1 – People feel safe and are listened to when they raise a concern",
            "People feel safe and are listened to when they raise a concern",
            one(
                A(
                    "A1",
                    "Survey adults who have been through a safeguarding enquiry about their experience",
                    "Board Manager",
                    "Annually",
                    "Recurring",
                    extra=("Response rate above 30%; results reported to the Board",),
                ),
                A(
                    "A2",
                    "Recruit two experts by experience to the Board's sub-groups",
                    "Lena Kowalski",
                    "June 2024",
                    "2024-06-30",
                    extra=("Two members appointed and inducted",),
                ),
                A(
                    "A3",
                    "Make the Board website accessible to WCAG 2.2 AA",
                    "Communications Officer",
                    "Dec 2024",
                    "2024-12-31",
                    extra=("Accessibility audit passed",),
                ),
            ),
        ),
        Group(
            2,
            "Outcome 2 – Agencies work together to prevent abuse and neglect",
            "Agencies work together to prevent abuse and neglect",
            one(
                A(
                    "A4",
                    "Agree a multi-agency escalation and resolution protocol",
                    "Policy and Procedures Group",
                    "September 2024",
                    "2024-09-30",
                    extra=("Protocol signed off; use audited after six months",),
                ),
                A(
                    "A5",
                    "Develop a transitional safeguarding approach for young people aged 16-25",
                    "Marcus Reid & Lena Kowalski",
                    "March 2026",
                    "2026-03-31",
                    leads=("Marcus Reid", "Lena Kowalski"),
                    extra=("Joint protocol with the children's partnership",),
                ),
                A(
                    "A6",
                    "Review the response to people who self-neglect and refuse support",
                    "Self-Neglect Task Group",
                    "2024/25",
                    "2025-03-31",
                    extra=("Case audit shows multi-agency meetings held",),
                ),
            ),
        ),
        Group(
            3,
            "Outcome 3 – The Board is assured that safeguarding works",
            "The Board is assured that safeguarding works",
            one(
                A(
                    "A7",
                    "Collect the partnership's safeguarding dataset and report trends",
                    "Performance Sub-Group",
                    "Quarterly",
                    "Recurring",
                    extra=("Dashboard at every Board meeting",),
                ),
                A(
                    "A8",
                    "Run the annual safeguarding assurance self-audit with all statutory partners",
                    "Board Manager",
                    "Autumn 2025",
                    "2025-11-30",
                    extra=("All statutory partners return the audit",),
                ),
                A(
                    "A9",
                    "Commission an independent review of the Board's governance",
                    "Independent Chair",
                    "TBC",
                    "To be agreed",
                    extra=("Review completed; recommendations agreed",),
                ),
            ),
        ),
    ),
)

# --- 6. CSP delivery plan: several numbered actions in one cell, Responsible officer -----

BRACKENFORD = Layout(
    stem="brackenford-csp-multi",
    title="Brackenford Community Safety Partnership (BCSP) Delivery Plan 2024-25",
    key="BCSP 2024-25",
    workplan="Brackenford Community Safety Partnership Delivery Plan",
    period="2024-25",
    shows="CSP delivery plan: Objective column merged down, several numbered actions (`1.1 ...`, `1.2 ...`) in one cell sharing one `Responsible: ...` officer and date; RAG shaded",
    columns=(
        Col("objective", "Objective", 6.0),
        Col("action", "Actions", 12.0),
        Col("lead", "Responsible officer", 4.5),
        Col("when", "By when", 2.6),
        Col("status", "RAG", 1.6),
    ),
    priority_as="objective",
    status_as="fill",
    status_key=FILL_KEY,
    groups=(
        Group(
            1,
            "1. Reduce reoffending by adults and young people",
            "Reduce reoffending by adults and young people",
            (
                Row(
                    (
                        A(
                            "1.1",
                            "Expand the Integrated Offender Management cohort to include domestic abuse perpetrators",
                            "Responsible: Hannah Moss",
                            "March 2025",
                            "2025-03-31",
                            "On track",
                            leads=("Hannah Moss",),
                        ),
                        A(
                            "1.2",
                            "Agree housing pathways for prison leavers with the district councils",
                            "Responsible: Hannah Moss",
                            "March 2025",
                            "2025-03-31",
                            "On track",
                            leads=("Hannah Moss",),
                        ),
                    ),
                    mode="numbered",
                ),
                Row(
                    (
                        A(
                            "1.3",
                            "Review the Youth Justice Service's out-of-court disposal panel",
                            "Responsible: Head of Youth Justice",
                            "December 2024",
                            "2024-12-31",
                            "Complete",
                            leads=("Head of Youth Justice",),
                        ),
                    )
                ),
            ),
        ),
        Group(
            2,
            "2. Protect people from exploitation and drug-related harm",
            "Protect people from exploitation and drug-related harm",
            (
                Row(
                    (
                        A(
                            "2.1",
                            "Map county lines activity with the police intelligence unit",
                            "Responsible: Detective Inspector Ravi Bains",
                            "Quarterly",
                            "Recurring",
                            "At risk",
                            leads=("Ravi Bains",),
                        ),
                        A(
                            "2.2",
                            "Brief taxi drivers and hotel staff on signs of exploitation",
                            "Responsible: Detective Inspector Ravi Bains",
                            "Quarterly",
                            "Recurring",
                            "At risk",
                            leads=("Ravi Bains",),
                        ),
                        A(
                            "2.3",
                            "Hold a partnership exploitation conference",
                            "Responsible: Detective Inspector Ravi Bains",
                            "Quarterly",
                            "Recurring",
                            "At risk",
                            leads=("Ravi Bains",),
                        ),
                    ),
                    mode="numbered",
                ),
                Row(
                    (
                        A(
                            "2.4",
                            "Commission naloxone training for hostel staff and outreach teams",
                            "Responsible: Drug and Alcohol Commissioner",
                            "Autumn 2024",
                            "2024-11-30",
                            "Overdue",
                            leads=("Drug and Alcohol Commissioner",),
                        ),
                    )
                ),
            ),
        ),
        Group(
            3,
            "3. Build confident, resilient communities",
            "Build confident, resilient communities",
            (
                Row(
                    (
                        A(
                            "3.1",
                            "Run the Prevent awareness programme for community and faith groups",
                            "Responsible: Prevent Coordinator",
                            "January 2025",
                            "2025-01-31",
                            "On track",
                            leads=("Prevent Coordinator",),
                        ),
                        A(
                            "3.2",
                            "Publish hate crime reporting information in easy read",
                            "Responsible: Prevent Coordinator",
                            "January 2025",
                            "2025-01-31",
                            "On track",
                            leads=("Prevent Coordinator",),
                        ),
                    ),
                    mode="numbered",
                ),
            ),
        ),
    ),
)

# --- 7. Children's partnership early help: bulleted actions sharing one cell -------------

OAKHURST = Layout(
    stem="oakhurst-cp-bullets",
    title="Oakhurst Children's Partnership (OCP) Early Help Sub-Group Action Plan 2024-25",
    key="OCP 2024-25",
    workplan="Oakhurst Children's Partnership Early Help Sub-Group Action Plan",
    period="2024-25",
    shows="Children's partnership sub-group: Ref | Impact (merged) | What we will do with bulleted actions sharing one Lead and Timeframe (ids inferred `2.2a`...) | Status words with a key",
    intro=(
        "Status: On track – progressing to the target date; Delayed – behind plan, at risk of missing "
        "the target date; Off track – the target date has passed; Complete – delivered and evidenced.",
    ),
    columns=(
        Col("ref", "Ref", 1.2),
        Col("objective", "Impact", 6.0),
        Col("action", "What we will do", 10.0),
        Col("lead", "Lead", 4.0),
        Col("when", "Timeframe", 2.8),
        Col("status", "Status", 2.3),
    ),
    priority_as="objective",
    status_as="word",
    status_key=WORD_KEY,
    groups=(
        Group(
            1,
            "Priority 1: Families know where to go for early help",
            "Families know where to go for early help",
            (
                Row(
                    (
                        A(
                            "1.1",
                            "Publish an early help offer for each family hub, listing every drop-in and named contact",
                            "Ellie Burgess",
                            "September 2024",
                            "2024-09-30",
                            "Complete",
                        ),
                    )
                ),
                Row(
                    (
                        A(
                            "1.2a",
                            "Promote the offer through schools' newsletters",
                            "Family Hubs Manager",
                            "Termly",
                            "Recurring",
                            "On track",
                        ),
                        A(
                            "1.2b",
                            "Promote the offer at GP surgeries and pharmacies",
                            "Family Hubs Manager",
                            "Termly",
                            "Recurring",
                            "On track",
                        ),
                        A(
                            "1.2c",
                            "Promote the offer through the Local Offer website",
                            "Family Hubs Manager",
                            "Termly",
                            "Recurring",
                            "On track",
                        ),
                    ),
                    mode="bulleted",
                    ref="1.2",
                ),
            ),
        ),
        Group(
            2,
            "Priority 2: Early help assessments are good quality and lead to change",
            "Early help assessments are good quality and lead to change",
            (
                Row(
                    (
                        A(
                            "2.1",
                            "Audit 30 early help assessments against the partnership's quality standard",
                            "Early Help QA Lead",
                            "December 2024",
                            "2024-12-31",
                            "Delayed",
                        ),
                    )
                ),
                Row(
                    (
                        A(
                            "2.2a",
                            "Train lead professionals in schools in writing outcome-focused plans",
                            "Oakhurst Workforce Development",
                            "March 2025",
                            "2025-03-31",
                            "On track",
                        ),
                        A(
                            "2.2b",
                            "Set up monthly lead professional surgeries",
                            "Oakhurst Workforce Development",
                            "March 2025",
                            "2025-03-31",
                            "On track",
                        ),
                    ),
                    mode="bulleted",
                    ref="2.2",
                ),
                Row(
                    (
                        A(
                            "2.3",
                            "Report step-up and step-down timeliness to the sub-group",
                            "Performance Team",
                            "Quarterly",
                            "Recurring",
                            "Off track",
                        ),
                    )
                ),
            ),
        ),
        Group(
            3,
            "Priority 3: Children's voices shape early help",
            "Children's voices shape early help",
            (
                Row(
                    (
                        A(
                            "3.1a",
                            "Add a child's feedback form to the early help closure pack",
                            "Participation Officer",
                            "Ad-hoc",
                            "Ad hoc",
                            "On track",
                        ),
                        A(
                            "3.1b",
                            "Hold two young advisers' sessions on the early help offer",
                            "Participation Officer",
                            "Ad-hoc",
                            "Ad hoc",
                            "On track",
                        ),
                    ),
                    mode="bulleted",
                    ref="3.1",
                ),
            ),
        ),
    ),
)

# --- 8. SAB delivery plan: a nested table of sub-actions inside a cell --------------------

FENWICK = Layout(
    stem="fenwick-sab-nested",
    title="Fenwick Cross Safeguarding Adults Board (FSAB) Annual Delivery Plan 2024-25",
    key="FSAB 2024-25",
    workplan="Fenwick Cross Safeguarding Adults Board Annual Delivery Plan",
    period="2024-25",
    shows="SAB delivery plan: Ref | Priority (merged) | Action, where two rows hold a nested table of sub-actions a) b) c) each with its own lead and date | Lead | Deadline | RAG shaded",
    columns=(
        Col("ref", "Ref", 1.2),
        Col("objective", "Priority", 5.0),
        Col("action", "Action", 12.5),
        Col("lead", "Lead", 3.8),
        Col("when", "Deadline", 2.6),
        Col("status", "RAG", 1.5),
    ),
    priority_as="objective",
    status_as="fill",
    status_key=FILL_KEY,
    groups=(
        Group(
            1,
            "Priority 1: Workforce – practitioners are confident in safeguarding adults",
            "Workforce – practitioners are confident in safeguarding adults",
            (
                Row(
                    (
                        A(
                            "1.1a",
                            "Deliver the multi-agency training programme: Level 2 safeguarding adults e-learning refresh",
                            "Training Coordinator",
                            "July 2024",
                            "2024-07-31",
                            "On track",
                        ),
                        A(
                            "1.1b",
                            "Deliver the multi-agency training programme: Mental Capacity Act masterclasses",
                            "Nadia Osei",
                            "November 2024",
                            "2024-11-30",
                            "On track",
                        ),
                        A(
                            "1.1c",
                            "Deliver the multi-agency training programme: Domestic abuse and older people workshop",
                            "Fenwick Women's Aid",
                            "February 2025",
                            "2025-02-28",
                            "On track",
                        ),
                    ),
                    mode="nested",
                    intro="Deliver the multi-agency training programme:",
                    ref="1.1",
                ),
                Row(
                    (
                        A(
                            "1.2",
                            "Evaluate the impact of training through a three-month follow-up survey",
                            "Training Coordinator",
                            "March 2025",
                            "2025-03-31",
                            "At risk",
                        ),
                    )
                ),
            ),
        ),
        Group(
            2,
            "Priority 2: Assurance – the Board knows how well adults are safeguarded",
            "Assurance – the Board knows how well adults are safeguarded",
            (
                Row(
                    (
                        A(
                            "2.1",
                            "Agree a partnership performance dashboard with a small set of measures",
                            "Performance Lead",
                            "October 2024",
                            "2024-10-31",
                            "Complete",
                        ),
                    )
                ),
                Row(
                    (
                        A(
                            "2.2a",
                            "Carry out multi-agency audits: Self-neglect cases closed without a plan",
                            "Nadia Osei",
                            "December 2024",
                            "2024-12-31",
                            "Overdue",
                        ),
                        A(
                            "2.2b",
                            "Carry out multi-agency audits: Safeguarding in care homes rated requires improvement",
                            "ICB Designated Nurse",
                            "Spring 2025",
                            "2025-05-31",
                            "Overdue",
                        ),
                    ),
                    mode="nested",
                    intro="Carry out multi-agency audits:",
                    ref="2.2",
                ),
                Row(
                    (
                        A(
                            "2.3",
                            "Publish the Board's annual report",
                            "Board Manager",
                            "September 2024",
                            "2024-09-30",
                            "Complete",
                        ),
                    )
                ),
            ),
        ),
    ),
)

# --- 9. CSP action plan continued over three tables, RAG dots with a key (HOLDOUT) ----------

MILLBROOK = Layout(
    stem="millbrook-csp-continued",
    font_pt=11.0,
    title="Millbrook Community Safety Partnership (MCSP) Action Plan 2024-25",
    key="MCSP 2024-25",
    workplan="Millbrook Community Safety Partnership Action Plan",
    period="2024-25",
    shows="CSP action plan split over three tables, the second and third continuing the first on a new page without a header; Ref | Outcome (merged) | Action | Lead | Support | Target date | RAG coloured dots explained by the document's key",
    columns=(
        Col("ref", "Ref", 1.2),
        Col("objective", "Outcome", 5.0),
        Col("action", "Action", 9.5),
        Col("lead", "Lead", 3.6),
        Col("partners", "Support", 3.6),
        Col("when", "Target date", 2.5),
        Col("status", "RAG", 1.3),
    ),
    priority_as="objective",
    status_as="dot",
    status_key=DOT_KEY,
    tables=3,
    page_break_between_tables=True,
    groups=(
        Group(
            1,
            "Outcome 1: Fewer people are victims of domestic abuse",
            "Fewer people are victims of domestic abuse",
            one(
                A(
                    "1.1",
                    "Roll out the Drive perpetrator programme to high-risk, high-harm cases",
                    "Domestic Abuse Coordinator",
                    "March 2025",
                    "2025-03-31",
                    "On track",
                    partners="Probation",
                    support=("Probation",),
                ),
                A(
                    "1.2",
                    "Train GP practices in the IRIS identification and referral model",
                    "Millbrook ICB",
                    "December 2024",
                    "2024-12-31",
                    "At risk",
                    partners="Public Health",
                    support=("Public Health",),
                ),
                A(
                    "1.3",
                    "Open a second refuge with places for women with complex needs",
                    "Housing Strategy Manager",
                    "2025/26",
                    "2026-03-31",
                    "On track",
                ),
                A(
                    "1.4",
                    "Publish a domestic abuse safe accommodation needs assessment",
                    "Domestic Abuse Coordinator",
                    "June 2024",
                    "2024-06-30",
                    "Complete",
                ),
            ),
        ),
        Group(
            2,
            "Outcome 2: Young people are safe from violence and exploitation",
            "Young people are safe from violence and exploitation",
            one(
                A(
                    "2.1",
                    "Deliver knife crime education sessions in every secondary school",
                    "Joe Pereira",
                    "July 2024",
                    "2024-07-31",
                    "Complete",
                    partners="Millbrook Police",
                    support=("Millbrook Police",),
                ),
                A(
                    "2.2",
                    "Set up a contextual safeguarding panel for places and spaces of concern",
                    "Exploitation Lead",
                    "October 2024",
                    "2024-10-31",
                    "Overdue",
                    partners="Children's Social Care",
                    support=("Children's Social Care",),
                ),
                A(
                    "2.3",
                    "Commission mentoring for young people excluded from school",
                    "Youth Offending Service",
                    "January 2025",
                    "2025-01-31",
                    "On track",
                ),
                A(
                    "2.4",
                    "Review the missing from home return interview service",
                    "Exploitation Lead",
                    "Quarterly",
                    "Recurring",
                    "On track",
                ),
            ),
        ),
        Group(
            3,
            "Outcome 3: Residents feel safe in their neighbourhoods",
            "Residents feel safe in their neighbourhoods",
            one(
                A(
                    "3.1",
                    "Launch a joint ASB hotline for council and housing association tenants",
                    "ASB Manager",
                    "September 2024",
                    "2024-09-30",
                    "Complete",
                    partners="Millbrook Homes",
                    support=("Millbrook Homes",),
                ),
                A(
                    "3.2",
                    "Run two Safer Neighbourhood surveys and publish the results",
                    "Joe Pereira",
                    "6-monthly",
                    "Recurring",
                    "On track",
                ),
                A(
                    "3.3",
                    "Upgrade street lighting on the canal towpath",
                    "Highways Team",
                    "Winter 2024",
                    "2025-02-28",
                    "At risk",
                ),
                A(
                    "3.4",
                    "Agree a Public Spaces Protection Order for the town centre",
                    "ASB Manager",
                    "TBC",
                    "To be agreed",
                    None,
                ),
            ),
        ),
    ),
)

# --- 10. HWB business plan: long rows over several pages, Progress update column ----------

_UPD = (
    "Update (Q2): the working group has met three times and agreed its terms of reference. "
    "A draft has been shared with partners for comment and feedback is being collated; the "
    "lead has flagged that capacity in the team is stretched over the summer. Next steps "
    "are to agree the final version at the next Board meeting and to set out how progress "
    "will be measured, including the data partners will need to share."
)

_UPD_LONG = _UPD + (
    " Update (Q3): partners reported that the data needed is held in three systems that do"
    " not talk to each other, so a manual return has been agreed for the interim. The lead"
    " will bring a revised timeline to the Board; the RAG rating reflects the risk that the"
    " due date will slip if the interim return is not in place by the end of the quarter."
)

STANBRIDGE = Layout(
    stem="stanbridge-hwb-long",
    font_pt=11.0,
    title="Stanbridge Health and Wellbeing Board (SHWB) Business Plan 2023-24",
    key="SHWB 2023-24",
    workplan="Stanbridge Health and Wellbeing Board Business Plan",
    period="2023-24",
    shows="HWB business plan over several pages: band rows `Priority N – ...`, a long `Progress update` column the register does not use, rows split by page breaks, header repeated on every page; RAG shaded",
    columns=(
        Col("ref", "Ref", 1.2),
        Col("action", "Action", 8.5),
        Col("lead", "Lead", 3.6),
        Col("when", "Due", 2.4),
        Col("extra:0", "Progress update", 10.0),
        Col("status", "RAG", 1.4),
    ),
    priority_as="band",
    status_as="fill",
    status_key=FILL_KEY,
    groups=(
        Group(
            1,
            "Priority 1 – Giving every child the best start",
            "Giving every child the best start",
            one(
                A(
                    "1.1",
                    "Agree a joint 0-5 speech, language and communication pathway",
                    "Early Years Lead",
                    "December 2023",
                    "2023-12-31",
                    "On track",
                    extra=(_UPD,),
                ),
                A(
                    "1.2",
                    "Increase breastfeeding support in the two wards with the lowest rates",
                    "Health Visiting Service",
                    "March 2024",
                    "2024-03-31",
                    "At risk",
                    extra=(_UPD,),
                ),
                A(
                    "1.3",
                    "Review school readiness data with primary heads",
                    "Gemma Lund",
                    "Autumn 2023",
                    "2023-11-30",
                    "Complete",
                    extra=(_UPD,),
                ),
                A(
                    "1.4",
                    "Publish the refreshed Healthy Child Programme offer",
                    "Public Health Consultant",
                    "January 2024",
                    "2024-01-31",
                    "On track",
                    extra=(_UPD_LONG,),
                ),
            ),
        ),
        Group(
            2,
            "Priority 2 – Living well with long-term conditions",
            "Living well with long-term conditions",
            one(
                A(
                    "2.1",
                    "Expand community blood pressure checks in pharmacies and workplaces",
                    "Stanbridge ICB",
                    "March 2024",
                    "2024-03-31",
                    "On track",
                    extra=(_UPD,),
                ),
                A(
                    "2.2",
                    "Co-design a diabetes education offer with South Asian community groups",
                    "Gemma Lund / Stanbridge ICB",
                    "February 2024",
                    "2024-02-29",
                    "Overdue",
                    leads=("Gemma Lund", "Stanbridge ICB"),
                    extra=(_UPD_LONG,),
                ),
                A(
                    "2.3",
                    "Embed social prescribing link workers in every primary care network",
                    "PCN Clinical Directors",
                    "2023/24",
                    "2024-03-31",
                    "On track",
                    extra=(_UPD,),
                ),
                A(
                    "2.4",
                    "Report on the uptake of NHS Health Checks by deprivation quintile",
                    "Public Health Intelligence",
                    "Quarterly",
                    "Recurring",
                    "On track",
                    extra=(_UPD,),
                ),
            ),
        ),
        Group(
            3,
            "Priority 3 – Ageing well",
            "Ageing well",
            one(
                A(
                    "3.1",
                    "Launch a falls prevention programme in sheltered housing",
                    "Adult Social Care",
                    "October 2023",
                    "2023-10-31",
                    "Complete",
                    extra=(_UPD,),
                ),
                A(
                    "3.2",
                    "Agree a dementia diagnosis rate improvement plan",
                    "Stanbridge ICB",
                    "Q4 2023/24",
                    "2024-03-31",
                    "At risk",
                    extra=(_UPD_LONG,),
                ),
                A(
                    "3.3",
                    "Map carers' support and publish a carers' offer",
                    "Carers Lead",
                    "June 2023 (draft) TBC (final)",
                    "2023-06-30",
                    "On track",
                    extra=(_UPD,),
                ),
                A(
                    "3.4",
                    "Review winter warmth grants for older home owners",
                    "Housing Renewal Team",
                    "Winter 2023",
                    "2024-02-29",
                    "Complete",
                    extra=(_UPD,),
                ),
            ),
        ),
        Group(
            4,
            "Priority 4 – Healthy places",
            "Healthy places",
            one(
                A(
                    "4.1",
                    "Adopt a healthy planning supplementary planning document",
                    "Head of Planning Policy",
                    "March 2024",
                    "2024-03-31",
                    "On track",
                    extra=(_UPD,),
                ),
                A(
                    "4.2",
                    "Limit new hot food takeaways near schools",
                    "Head of Planning Policy",
                    "TBA",
                    "To be agreed",
                    "At risk",
                    extra=(_UPD_LONG,),
                ),
                A(
                    "4.3",
                    "Deliver the air quality action plan's school streets pilot",
                    "Environmental Health",
                    "September 2023",
                    "2023-09-30",
                    "Complete",
                    extra=(_UPD,),
                ),
                A(
                    "4.4",
                    "Hold a Board workshop on the cost of living and health",
                    "Board Manager",
                    "Ad-hoc",
                    "Ad hoc",
                    None,
                    extra=(_UPD,),
                ),
            ),
        ),
    ),
)

# --- 11. HWB action plan: RAG coloured dots, Lead officer and Contributors -------------------

REDCLIFFE = Layout(
    stem="redcliffe-hwb-dots",
    title="Redcliffe Vale Health and Wellbeing Board (RVHWB) Action Plan 2025-26",
    key="RVHWB 2025-26",
    workplan="Redcliffe Vale Health and Wellbeing Board Action Plan",
    period="2025-26",
    shows="HWB action plan: No. | Objective (merged) | Action | Lead officer | Contributors | Due | RAG as coloured dots explained by a key above the table",
    columns=(
        Col("ref", "No.", 1.2),
        Col("objective", "Objective", 5.5),
        Col("action", "Action", 9.0),
        Col("lead", "Lead officer", 3.8),
        Col("partners", "Contributors", 4.0),
        Col("when", "Due", 2.4),
        Col("status", "RAG", 1.3),
    ),
    priority_as="objective",
    status_as="dot",
    status_key=DOT_KEY,
    groups=(
        Group(
            1,
            "Objective 1 – Reduce health inequalities in the most deprived wards",
            "Reduce health inequalities in the most deprived wards",
            one(
                A(
                    "1",
                    "Target the vaccination outreach bus at wards with the lowest uptake",
                    "Immunisation Coordinator",
                    "October 2025",
                    "2025-10-31",
                    "On track",
                    partners="Primary care networks",
                    support=("Primary care networks",),
                ),
                A(
                    "2",
                    "Fund community health champions in the Eastfield and Marsh wards",
                    "Olu Adeyemi",
                    "June 2025",
                    "2025-06-30",
                    "Complete",
                    partners="Redcliffe CVS",
                    support=("Redcliffe CVS",),
                ),
                A(
                    "3",
                    "Publish a health inequalities data pack for each neighbourhood",
                    "Public Health Intelligence",
                    "Q2 2025/26",
                    "2025-09-30",
                    "At risk",
                ),
            ),
        ),
        Group(
            2,
            "Objective 2 – Improve mental health and wellbeing",
            "Improve mental health and wellbeing",
            one(
                A(
                    "4",
                    "Open a crisis café in the town centre with evening hours",
                    "Redcliffe Vale ICB",
                    "December 2025",
                    "2025-12-31",
                    "On track",
                    partners="Redcliffe Mind, Police",
                    support=("Redcliffe Mind", "Police"),
                ),
                A(
                    "5",
                    "Offer wellbeing support to carers through the carers' hub",
                    "Carers Lead",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                ),
                A(
                    "6",
                    "Deliver suicide prevention training to frontline council staff",
                    "Olu Adeyemi",
                    "March 2026",
                    "2026-03-31",
                    "Overdue",
                    partners="Public Health",
                    support=("Public Health",),
                ),
            ),
        ),
        Group(
            3,
            "Objective 3 – Housing that supports good health",
            "Housing that supports good health",
            one(
                A(
                    "7",
                    "Inspect private rented homes for damp and mould in the worst affected streets",
                    "Private Sector Housing Manager",
                    "September 2025",
                    "2025-09-30",
                    "On track",
                ),
                A(
                    "8",
                    "Agree a hospital discharge to housing protocol",
                    "Housing Options Manager",
                    "July 2025",
                    "2025-07-31",
                    "Complete",
                    partners="Redcliffe Vale ICB",
                    support=("Redcliffe Vale ICB",),
                ),
                A(
                    "9",
                    "Review adaptations waiting times",
                    "Occupational Therapy Lead",
                    "TBC",
                    "To be agreed",
                ),
            ),
        ),
    ),
)

# --- 12. CSP strategy action plan: group headers Delivery and Timescale (HOLDOUT) ----------

LOWTHER = Layout(
    stem="lowther-csp-grouped",
    title="Lowther Community Safety Partnership (LCSP) Strategy Action Plan 2024-27",
    key="LCSP 2024-27",
    workplan="Lowther Community Safety Partnership Strategy Action Plan",
    period="2024-27",
    shows="CSP strategy action plan: band rows `Priority N: ...`; two-row header with `Delivery` over `Lead | Partners` and `Timescale` over `Start | End`; `Resources` and `Evidence` columns the register does not use; RAG letters with a key",
    intro=(
        "RAG: R – off track: target date missed; A – at risk of missing the target date; "
        "G – on track; C – complete.",
    ),
    columns=(
        Col("ref", "Ref", 1.5),
        Col("action", "Action", 7.2),
        Col("lead", "Lead", 3.2, group="Delivery"),
        Col("partners", "Partners", 3.2, group="Delivery"),
        Col("start", "Start", 2.1, group="Timescale"),
        Col("when", "End", 2.1, group="Timescale"),
        Col("extra:0", "Resources", 3.0),
        Col("extra:1", "Evidence", 3.2),
        Col("status", "RAG", 1.2),
    ),
    priority_as="band",
    status_as="letter",
    status_key=LETTER_KEY,
    groups=(
        Group(
            1,
            "Priority 1: Safer town centres",
            "Safer town centres",
            one(
                A(
                    "P1.1",
                    "Pilot a town centre Business Crime Reduction Partnership",
                    "Town Centre Manager",
                    "March 2025",
                    "2025-03-31",
                    "G",
                    start="April 2024",
                    partners="Police, Lowther BID",
                    support=("Police", "Lowther BID"),
                    extra=("£15,000 Safer Streets grant", "Membership figures; crime data"),
                ),
                A(
                    "P1.2",
                    "Install help points and CCTV at the bus station",
                    "CCTV Manager",
                    "December 2024",
                    "2024-12-31",
                    "A",
                    start="June 2024",
                    extra=("Capital programme", "Installation sign-off"),
                ),
                A(
                    "P1.3",
                    "Deliver Ask for Angela training to licensed premises",
                    "Licensing Manager",
                    "September 2024",
                    "2024-09-30",
                    "C",
                    start="May 2024",
                    partners="Police",
                    support=("Police",),
                    extra=("Existing staff time", "Training register"),
                ),
            ),
        ),
        Group(
            2,
            "Priority 2: Protecting vulnerable people",
            "Protecting vulnerable people",
            one(
                A(
                    "P2.1",
                    "Set up a cuckooing risk panel with housing providers",
                    "Superintendent Carla Dunn",
                    "January 2025",
                    "2025-01-31",
                    "G",
                    start="September 2024",
                    partners="Housing providers",
                    support=("Housing providers",),
                    leads=("Carla Dunn",),
                    extra=("Officer time", "Panel minutes"),
                ),
                A(
                    "P2.2",
                    "Review the hate crime third-party reporting centres",
                    "Equalities Officer",
                    "March 2025",
                    "2025-03-31",
                    "R",
                    start="October 2024",
                    extra=("None required", "Review report"),
                ),
                A(
                    "P2.3",
                    "Fund a scams prevention officer for two years",
                    "Trading Standards",
                    "March 2027",
                    "2027-03-31",
                    "G",
                    start="April 2025",
                    extra=("£80,000 over two years", "Scam interventions recorded"),
                ),
            ),
        ),
        Group(
            3,
            "Priority 3: Reducing reoffending",
            "Reducing reoffending",
            one(
                A(
                    "P3.1",
                    "Agree a women's centre offer for women on probation",
                    "Head of Probation Delivery",
                    "2025/26",
                    "2026-03-31",
                    "A",
                    start="April 2025",
                    partners="Lowther Women's Centre",
                    support=("Lowther Women's Centre",),
                    extra=("Ministry of Justice grant", "Referrals and completions"),
                ),
                A(
                    "P3.2",
                    "Offer employment support to people on community orders",
                    "Head of Probation Delivery",
                    "Quarterly",
                    "Recurring",
                    "G",
                    start="April 2024",
                    partners="Jobcentre Plus",
                    support=("Jobcentre Plus",),
                    extra=("Jobcentre Plus staff", "Quarterly returns"),
                ),
                A(
                    "P3.3",
                    "Evaluate the integrated offender management scheme",
                    "Research Officer",
                    "TBC",
                    "To be agreed",
                    None,
                    start="April 2026",
                    extra=("To be identified", "Evaluation report"),
                ),
                A(
                    "P3.4",
                    "Report on the strategy's progress to the Partnership Board",
                    "Community Safety Manager",
                    "6-monthly",
                    "Recurring",
                    "G",
                    start="April 2024",
                    extra=("Existing staff time", "Board papers"),
                ),
            ),
        ),
    ),
)

# --- 13. Children's partnership QA sub-group: content controls, ids in the action text -----

GREYFIELD = Layout(
    stem="greyfield-lscp-controls",
    title="Greyfield Safeguarding Children Partnership Quality Assurance Sub-Group (QASG) Workplan 2024-25",
    key="QASG 2024-25",
    workplan="Greyfield Safeguarding Children Partnership Quality Assurance Sub-Group Workplan",
    period="2024-25",
    shows="Children's partnership sub-group from a Word template with content controls in every cell; no id column (ids at the start of the action text); Impact (merged) | Action | Accountable | Deadline | unlabelled shaded status column with a colour key table",
    columns=(
        Col("objective", "Impact", 6.5),
        Col("action", "Action", 11.5),
        Col("lead", "Accountable", 4.2),
        Col("when", "Deadline", 3.0),
        Col("status", "", 1.0),
    ),
    priority_as="objective",
    status_as="fill",
    status_key=FILL_KEY,
    content_controls=True,
    groups=(
        Group(
            1,
            "1. Audits tell the partnership how well children are safeguarded",
            "Audits tell the partnership how well children are safeguarded",
            one(
                A(
                    "1.1",
                    "Agree a two-year multi-agency audit programme",
                    "Chair of QA Sub-Group",
                    "May 2024",
                    "2024-05-31",
                    "Complete",
                ),
                A(
                    "1.2",
                    "Audit the quality of strategy discussions, including health attendance",
                    "Kirsty Doyle",
                    "October 2024",
                    "2024-10-31",
                    "On track",
                ),
                A(
                    "1.3",
                    "Audit the use of the escalation policy",
                    "Kirsty Doyle",
                    "February 2025",
                    "2025-02-28",
                    "Overdue",
                ),
            ),
        ),
        Group(
            2,
            "2. Learning from audits changes practice",
            "Learning from audits changes practice",
            one(
                A(
                    "2.1",
                    "Publish a seven-minute briefing after each audit",
                    "Partnership Business Manager",
                    "Each meeting",
                    "Recurring",
                    "On track",
                ),
                A(
                    "2.2",
                    "Re-audit cases from the 2023 neglect audit to test whether practice has changed",
                    "Dr Ben Achebe (Designated Doctor)",
                    "March 2025",
                    "2025-03-31",
                    "At risk",
                    leads=("Ben Achebe",),
                ),
                A(
                    "2.3",
                    "Collect feedback from practitioners who took part in audits",
                    "Partnership Business Manager",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                ),
            ),
        ),
        Group(
            3,
            "3. The partnership's data tells a clear story",
            "The partnership's data tells a clear story",
            one(
                A(
                    "3.1",
                    "Refresh the multi-agency dataset with measures from education and police",
                    "Performance Manager",
                    "Q3 2024/25",
                    "2024-12-31",
                    "On track",
                ),
                A(
                    "3.2",
                    "Present the annual section 11 audit findings",
                    "Chair of QA Sub-Group",
                    "January 2025",
                    "2025-01-31",
                    None,
                ),
                A(
                    "3.3",
                    "Agree how children's views are reported alongside the data",
                    "Performance Manager",
                    "Agree timeframe",
                    "To be agreed",
                ),
            ),
        ),
    ),
)

# --- 14. CSP action log: no priorities, id codes, continued in a second table ---------------

COPPERDALE = Layout(
    stem="copperdale-csp-flat",
    title="Copperdale Community Safety Partnership (CCSP) Action Plan 2024-25",
    key="CCSP 2024-25",
    workplan="Copperdale Community Safety Partnership Action Plan",
    period="2024-25",
    shows="CSP action plan with no priorities: ID codes `CS01` | Task | Owner | Due | Status words, continued in a second table without a header",
    intro=(
        "Status key: On track – progressing to the target date; Delayed – behind plan, at risk of "
        "missing the target date; Off track – the target date has passed; Complete – delivered and evidenced.",
    ),
    columns=(
        Col("ref", "ID", 1.6),
        Col("action", "Task", 13.5),
        Col("lead", "Owner", 5.0),
        Col("when", "Due", 3.0),
        Col("status", "Status", 2.5),
    ),
    priority_as="none",
    status_as="word",
    status_key=WORD_KEY,
    tables=2,
    producers=ALL,
    groups=(
        Group(
            None,
            "",
            "",
            one(
                A(
                    "CS01",
                    "Refresh the partnership's information sharing agreement",
                    "Community Safety Manager",
                    "July 2024",
                    "2024-07-31",
                    "Complete",
                ),
                A(
                    "CS02",
                    "Publish the strategic assessment of crime and disorder",
                    "Crime Analyst",
                    "November 2024",
                    "2024-11-30",
                    "On track",
                ),
                A(
                    "CS03",
                    "Agree a joint tasking process for ASB hotspots",
                    "Sergeant Amy Whitfield",
                    "September 2024",
                    "2024-09-30",
                    "Delayed",
                    leads=("Amy Whitfield",),
                ),
                A(
                    "CS04",
                    "Carry out a Domestic Homicide Review training day for panel members",
                    "DHR Coordinator",
                    "February 2025",
                    "2025-02-28",
                    "On track",
                ),
                A(
                    "CS05",
                    "Commission a survey of residents' feelings of safety",
                    "Community Safety Manager",
                    "Spring 2025",
                    "2025-05-31",
                    "On track",
                ),
                A(
                    "CS06",
                    "Review the Prevent referral pathway against the new duty guidance",
                    "Prevent Lead",
                    "December 2024",
                    "2024-12-31",
                    "Off track",
                ),
                A(
                    "CS07",
                    "Agree funding for the street pastors scheme",
                    "Community Safety Manager",
                    "TBC",
                    "To be agreed",
                    "Delayed",
                ),
                A(
                    "CS08",
                    "Report performance to the Police and Crime Commissioner",
                    "Community Safety Manager",
                    "Quarterly",
                    "Recurring",
                    "On track",
                ),
                A(
                    "CS09",
                    "Deliver cyber-crime awareness sessions for older residents",
                    "Copperdale Police",
                    "March 2025",
                    "2025-03-31",
                    "On track",
                ),
                A(
                    "CS10",
                    "Close the Safer Streets round 4 project and submit the final return",
                    "Grants Officer",
                    "15/04/2025",
                    "2025-04-15",
                    "Complete",
                ),
            ),
        ),
    ),
)

# --- 15. SAB sub-group work plan exported from Google Docs (HOLDOUT) -------------------------

HOLLINS = Layout(
    stem="hollins-sab-googledocs",
    title="Hollins Safeguarding Adults Board (HSAB) Prevention Sub-Group Work Plan 2025-26",
    key="HSAB 2025-26",
    workplan="Hollins Safeguarding Adults Board Prevention Sub-Group Work Plan",
    period="2025-26",
    shows="SAB sub-group work plan as Google Docs exports it: each priority a heading before its own table, horizontal rules only, ID | Activity | Lead | Support | Deadline | Status as coloured squares with a key",
    columns=(
        Col("ref", "ID", 1.3),
        Col("action", "Activity", 12.0),
        Col("lead", "Lead", 4.0),
        Col("partners", "Support", 4.2),
        Col("when", "Deadline", 2.8),
        Col("status", "Status", 1.6),
    ),
    priority_as="heading",
    status_as="square",
    status_key=DOT_KEY,
    ruling="horizontal",
    header_fill="F3F3F3",
    groups=(
        Group(
            1,
            "Priority 1: Preventing financial abuse",
            "Preventing financial abuse",
            one(
                A(
                    "PR1",
                    "Agree a financial abuse protocol with local banks and building societies",
                    "Fiona Grant",
                    "September 2025",
                    "2025-09-30",
                    "On track",
                    partners="Trading Standards",
                    support=("Trading Standards",),
                ),
                A(
                    "PR2",
                    "Train care agency staff to spot financial abuse",
                    "Fiona Grant",
                    "January 2026",
                    "2026-01-31",
                    "At risk",
                ),
                A(
                    "PR3",
                    "Publish scam alerts through the community newsletter",
                    "Communications Team",
                    "Monthly",
                    "Recurring",
                    "On track",
                ),
            ),
        ),
        Group(
            2,
            "Priority 2: Safeguarding people who are homeless",
            "Safeguarding people who are homeless",
            one(
                A(
                    "PR4",
                    "Hold multi-agency meetings for rough sleepers at high risk",
                    "Rough Sleeping Coordinator",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                    partners="Hollins Police, Street Outreach",
                    support=("Hollins Police", "Street Outreach"),
                ),
                A(
                    "PR5",
                    "Review deaths of people who were homeless for learning",
                    "SAR Panel",
                    "March 2026",
                    "2026-03-31",
                    "Overdue",
                ),
                A(
                    "PR6",
                    "Agree a hospital discharge protocol for people with no fixed abode",
                    "Hollins ICB",
                    "November 2025",
                    "2025-11-30",
                    "Complete",
                    partners="Housing Options",
                    support=("Housing Options",),
                ),
            ),
        ),
        Group(
            3,
            "Priority 3: Preventing self-neglect",
            "Preventing self-neglect",
            one(
                A(
                    "PR7",
                    "Run self-neglect workshops for housing officers",
                    "Fiona Grant",
                    "Summer 2025",
                    "2025-08-31",
                    "Complete",
                ),
                A(
                    "PR8",
                    "Set up a fire safety referral route with the fire service",
                    "Hollins Fire and Rescue",
                    "Q2 2025/26",
                    "2025-09-30",
                    "On track",
                ),
                A(
                    "PR9",
                    "Test the self-neglect pathway with a case file audit",
                    "QA Sub-Group",
                    "TBC",
                    "To be agreed",
                ),
            ),
        ),
    ),
)

# --- 16. Children and young people's partnership business plan: numbered outcomes, ticks ---

_PRESS = "Pressures on families"

TAMSWORTH = Layout(
    stem="tamsworth-cypp-business-plan",
    title="Tamsworth Children and Young People's Partnership (TCYPP) Business Plan 2024-25",
    key="TCYPP 2024-25",
    workplan="Tamsworth Children and Young People's Partnership Business Plan",
    period="2024-25",
    shows="Children's partnership business plan: `What difference will it make?` column merged down (`1. ...` numbered); theme matrix of ticks under theme names; Timescale; Status letters R/A/G/C with a key",
    intro=(
        "Status: R – off track: target date missed; A – at risk of missing the target date; "
        "G – on track; C – complete.",
    ),
    columns=(
        Col("ref", "Ref", 1.2),
        Col("objective", "What difference will it make?", 5.8),
        Col("action", "What we will do", 8.6),
        Col("lead", "Lead", 3.5),
        Col("when", "Timescale", 2.5),
        Col(f"tick:{_FAMILY}", "Think Family", 1.7),
        Col(f"tick:{_VOICE}", "Voice of the child", 1.7),
        Col(f"tick:{_PRESS}", "Cost of living", 1.7),
        Col("status", "Status", 1.4),
    ),
    priority_as="objective",
    status_as="letter",
    status_key=LETTER_KEY,
    producers=ALL,
    groups=(
        Group(
            1,
            "1. Children are safe and supported at home",
            "Children are safe and supported at home",
            one(
                A(
                    "1.1",
                    "Launch a Reducing Parental Conflict programme for separated parents",
                    "Family Help Lead",
                    "October 2024",
                    "2024-10-31",
                    "On track",
                    themes=(_FAMILY,),
                ),
                A(
                    "1.2",
                    "Bring benefits advice into family hubs",
                    "Welfare Rights Team",
                    "July 2024",
                    "2024-07-31",
                    "Complete",
                    themes=(_FAMILY, _PRESS),
                ),
                A(
                    "1.3",
                    "Listen to children on child protection plans about what helped",
                    "Principal Social Worker",
                    "Spring 2025",
                    "2025-05-31",
                    "At risk",
                    themes=(_VOICE,),
                ),
            ),
        ),
        Group(
            2,
            "2. Children and young people achieve well in education",
            "Children and young people achieve well in education",
            one(
                A(
                    "2.1",
                    "Reduce persistent absence with a targeted attendance support offer",
                    "Head of Inclusion",
                    "March 2025",
                    "2025-03-31",
                    "On track",
                    themes=(_FAMILY,),
                ),
                A(
                    "2.2",
                    "Provide free breakfast clubs in the 12 schools with the highest free school meals rates",
                    "School Improvement Lead",
                    "September 2024",
                    "2024-09-30",
                    "Complete",
                    themes=(_PRESS,),
                ),
                A(
                    "2.3",
                    "Review the use of part-time timetables",
                    "Head of Inclusion",
                    "December 2024",
                    "2024-12-31",
                    "Overdue",
                    themes=(_VOICE,),
                ),
            ),
        ),
        Group(
            3,
            "3. Young people are healthy and ready for adulthood",
            "Young people are healthy and ready for adulthood",
            one(
                A(
                    "3.1",
                    "Open a youth health drop-in at the college",
                    "School Nursing Service",
                    "January 2025",
                    "2025-01-31",
                    "On track",
                    themes=(_VOICE,),
                ),
                A(
                    "3.2",
                    "Agree a preparing for adulthood pathway for young people with SEND",
                    "SEND Lead",
                    "2024/25",
                    "2025-03-31",
                    "At risk",
                    themes=(_FAMILY, _VOICE),
                ),
                A(
                    "3.3",
                    "Support care leavers with council tax exemption and a setting-up-home grant",
                    "Leaving Care Manager",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                    themes=(_PRESS,),
                ),
                A(
                    "3.4",
                    "Hold the annual Youth Summit",
                    "Youth Participation Officer",
                    "Annually",
                    "Recurring",
                    None,
                    themes=(_VOICE,),
                ),
            ),
        ),
    ),
)

# --- 17. SAB business plan: note and key rows inside the table, a page header ---------------

CALDER = Layout(
    stem="calder-sab-business-plan",
    font_pt=12.0,
    title="Calder Vale Safeguarding Adults Board (CVSAB) Business Plan 2025-26",
    key="CVSAB 2025-26",
    workplan="Calder Vale Safeguarding Adults Board Business Plan",
    period="2025-26",
    shows="SAB business plan with a page header (Word's header; a line above the title in the HTML), a note row and the status key as rows merged across the foot of the table; Ref | Strategic priority (merged) | Action | Lead | Support | Target date | Status words",
    page_header="OFFICIAL – Calder Vale Safeguarding Adults Board",
    columns=(
        Col("ref", "Ref", 1.3),
        Col("objective", "Strategic priority", 5.2),
        Col("action", "Action", 8.8),
        Col("lead", "Lead", 3.8),
        Col("partners", "Support", 3.6),
        Col("when", "Target date", 2.6),
        Col("status", "Status", 2.4),
    ),
    priority_as="objective",
    status_as="word",
    status_key=WORD_KEY,
    notes=(
        "Note: actions 1.3 and 3.2 are carried forward from the 2024-25 plan.",
        "Status key: On track – progressing to the target date; Delayed – behind plan, at risk of "
        "missing the target date; Off track – the target date has passed; Complete – delivered and evidenced.",
    ),
    groups=(
        Group(
            1,
            "Priority 1 – Listening to people with lived experience",
            "Listening to people with lived experience",
            one(
                A(
                    "1.1",
                    "Set up a lived experience panel that reviews the Board's leaflets and web pages",
                    "Joanna Fitzgerald",
                    "July 2025",
                    "2025-07-31",
                    "Complete",
                    partners="Calder Vale Healthwatch",
                    support=("Calder Vale Healthwatch",),
                ),
                A(
                    "1.2",
                    "Ask every adult at the close of a section 42 enquiry whether they felt listened to",
                    "Principal Social Worker",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                ),
                A(
                    "1.3",
                    "Publish a 'you said, we did' report each year",
                    "Board Business Manager",
                    "March 2026",
                    "2026-03-31",
                    "Delayed",
                ),
            ),
        ),
        Group(
            2,
            "Priority 2 – Safeguarding people in care and health settings",
            "Safeguarding people in care and health settings",
            one(
                A(
                    "2.1",
                    "Agree a provider concerns protocol with the Care Quality Commission and commissioners",
                    "Head of Quality Assurance",
                    "September 2025",
                    "2025-09-30",
                    "On track",
                    partners="Calder Vale ICB",
                    support=("Calder Vale ICB",),
                ),
                A(
                    "2.2",
                    "Audit the use of the Mental Capacity Act in hospital discharge decisions",
                    "Named Nurse for Adult Safeguarding",
                    "Winter 2025",
                    "2026-02-28",
                    "Off track",
                ),
            ),
        ),
        Group(
            3,
            "Priority 3 – Learning and workforce development",
            "Learning and workforce development",
            one(
                A(
                    "3.1",
                    "Refresh the multi-agency competency framework for safeguarding adults",
                    "Learning and Development Sub-Group",
                    "December 2025",
                    "2025-12-31",
                    "On track",
                ),
                A(
                    "3.2",
                    "Deliver briefings on the learning from the 'Mr B' Safeguarding Adults Review",
                    "Joanna Fitzgerald",
                    "Q1 2025/26",
                    "2025-06-30",
                    "Complete",
                    partners="SAR Sub-Group",
                    support=("SAR Sub-Group",),
                ),
                A(
                    "3.3",
                    "Evaluate whether the briefings changed practice",
                    "Learning and Development Sub-Group",
                    "TBC",
                    "To be agreed",
                ),
            ),
        ),
    ),
)

LAYOUTS: tuple[Layout, ...] = (
    KSAB, ASHDOWN, HARFIELD, NORTHVALE, WESTMERE, BRACKENFORD, OAKHURST, FENWICK,
    MILLBROOK, STANBRIDGE, REDCLIFFE, LOWTHER, GREYFIELD, COPPERDALE, HOLLINS, TAMSWORTH,
    CALDER,
)  # fmt: skip


# === The second held-out set (HOLDOUT_2): shapes none of the seventeen has ===============
# Built by make_holdout2.py. The register fields are typed by hand, by REGISTER.md, before
# the program was ever run on these documents.

# --- 18. HWB delivery plan: id and action in one cell, Gantt strip of shaded quarters -------
# Lead officer is the lead; Accountable body and Milestones are not register fields. The
# timeframe is the run of shaded quarters (Q1..Q4 of 2025/26, financial year from April):
# as written, the first and last shaded quarter (`Q2 - Q4`, `Q3`); due, the end of the last.

ELLERBY = Layout(
    stem="ellerby-hwb-gantt",
    title="Ellerby Health and Wellbeing Board (EHWB) Joint Health and Wellbeing Strategy Delivery Plan 2025/26",
    key="EHWB 2025-26",
    workplan="Ellerby Health and Wellbeing Board Joint Health and Wellbeing Strategy Delivery Plan",
    period="2025-26",
    shows="HWB delivery plan: id and action in one cell (`1.1 Deliver ...`), a `Milestones` column the register does not use, `Accountable body` and `Lead officer` (the lead), a Gantt strip of shaded `Q1`..`Q4` cells under `2025/26` (due: the end of the last shaded quarter), band rows `Start Well: ...` without numbers, no status",
    intro=(
        "This plan sets out what the Board's partners will deliver in 2025/26 under the three "
        "life-course priorities of the Joint Health and Wellbeing Strategy. The shaded quarters "
        "show when each action will be delivered in the financial year (Q1 April to June, Q2 "
        "July to September, Q3 October to December, Q4 January to March).",
    ),
    columns=(
        Col("action", "Action", 9.0),
        Col("extra:0", "Milestones", 6.0),
        Col("extra:1", "Accountable body", 3.6),
        Col("lead", "Lead officer", 3.6),
        Col("q:1", "Q1", 1.1, group="2025/26"),
        Col("q:2", "Q2", 1.1, group="2025/26"),
        Col("q:3", "Q3", 1.1, group="2025/26"),
        Col("q:4", "Q4", 1.1, group="2025/26"),
    ),
    priority_as="band",
    status_as="none",
    header_fill="DEEAF6",
    band_fill="E2EFDA",
    builder="gantt",
    groups=(
        Group(
            1,
            "Start Well: every child has the best start in life",
            "Start Well: every child has the best start in life",
            one(
                A(
                    "1.1",
                    "Deliver the Healthy Child Programme 2 to 2½ year review through family hubs in all three localities",
                    "Dr Aisha Rahman",
                    "Q1 - Q3 2025/26",
                    "2025-12-31",
                    leads=("Aisha Rahman",),
                    extra=(
                        "Ellerby North hub live (Q1); South and Central hubs live (Q3)",
                        "Ellerby Council",
                    ),
                ),
                A(
                    "1.2",
                    "Launch an infant feeding peer support service and work towards UNICEF Baby Friendly stage 2 accreditation",
                    "Joanne Platt",
                    "Q2 - Q4 2025/26",
                    "2026-03-31",
                    extra=(
                        "Service specification agreed; 12 peer supporters recruited; assessment visit booked",
                        "Ellerby Council",
                    ),
                ),
                A(
                    "1.3",
                    "Agree a joint speech, language and communication pathway for under-fives",
                    "Sam Okafor",
                    "Q3 2025/26",
                    "2025-12-31",
                    extra=(
                        "Pathway signed off by the Children's Partnership Board",
                        "NHS North Ellerby ICB",
                    ),
                ),
            ),
        ),
        Group(
            2,
            "Live Well: adults live healthier lives for longer",
            "Live Well: adults live healthier lives for longer",
            one(
                A(
                    "2.1",
                    "Commission an integrated tobacco dependency service across hospital, maternity and community settings",
                    "Mark Ellis",
                    "Q1 - Q2 2025/26",
                    "2025-09-30",
                    extra=(
                        "Procurement completed; contract awarded; service mobilised",
                        "Ellerby Council",
                    ),
                ),
                A(
                    "2.2",
                    "Take NHS Health Checks out to the 20% most deprived neighbourhoods using the mobile health unit",
                    "Priya Desai",
                    "Q1 - Q4 2025/26",
                    "2026-03-31",
                    extra=(
                        "1,500 checks delivered by the mobile unit over the year",
                        "NHS North Ellerby ICB",
                    ),
                ),
                A(
                    "2.3",
                    "Refresh the suicide prevention action plan using the findings of the real-time surveillance review",
                    "Dr Aisha Rahman",
                    "Q4 2025/26",
                    "2026-03-31",
                    leads=("Aisha Rahman",),
                    extra=("Refreshed plan to the Board in March", "Ellerby Council"),
                ),
                A(
                    "2.4",
                    "Develop a Healthy Weight Declaration for the council and both NHS trusts to sign",
                    "Head of Public Health Commissioning",
                    "",
                    "None",
                    extra=(
                        "Declaration drafted; council and trust boards sign up",
                        "Ellerby Council",
                    ),
                ),
            ),
        ),
        Group(
            3,
            "Age Well: older people stay independent, connected and well",
            "Age Well: older people stay independent, connected and well",
            one(
                A(
                    "3.1",
                    "Extend the falls prevention service with strength and balance classes in every Primary Care Network",
                    "Gill Thornton",
                    "Q2 - Q4 2025/26",
                    "2026-03-31",
                    extra=(
                        "Classes running in 4 of 8 PCNs by Q3 and all 8 by Q4",
                        "Ellerby Community Health NHS Trust",
                    ),
                ),
                A(
                    "3.2",
                    "Publish a carers' strategy co-produced with Ellerby Carers Centre",
                    "Rebecca Hale",
                    "Q1 - Q2 2025/26",
                    "2025-09-30",
                    extra=(
                        "Engagement events (Q1); strategy approved by Cabinet (Q2)",
                        "Ellerby Council",
                    ),
                ),
                A(
                    "3.3",
                    "Pilot proactive care for people living with moderate frailty in two Primary Care Networks",
                    "Dr Tom Webster",
                    "Q3 - Q4 2025/26",
                    "2026-03-31",
                    leads=("Tom Webster",),
                    extra=(
                        "Pilot PCNs chosen; evaluation report to the Board",
                        "NHS North Ellerby ICB",
                    ),
                ),
            ),
        ),
    ),
)

# --- 19. CSP action plan in portrait: numbered Heading 2 priorities, RAG colour words ------
# The headings are numbered by Word's list numbering (the number is not in the heading's
# text in the .docx; LibreOffice and the HTML print it). Dates written day first.

_RAG_WORDS: tuple[tuple[Status, str, str], ...] = (
    ("On track", "Green – on track to meet the target date", "Green"),
    ("At risk", "Amber – some slippage, at risk of missing the target date", "Amber"),
    ("Overdue", "Red – off track, the target date has been missed", "Red"),
)

DUNMORE = Layout(
    stem="dunmore-csp-portrait",
    title="Dunmore Community Safety Partnership (DCSP) Action Plan 2024-25",
    key="DCSP 2024-25",
    workplan="Dunmore Community Safety Partnership Action Plan",
    period="2024-25",
    shows="CSP action plan on portrait pages: each priority a numbered Word heading (Heading 2, list-numbered) before its own table; Ref · Action · Lead · Target date written `31/03/2025` · RAG as the words `Green`/`Amber`/`Red`, explained in the text above",
    intro=(
        "The Partnership's action plan for 2024-25 sets out what partners will do under each of "
        "the three priorities in the Community Safety Strategy. Progress is reviewed at each "
        "meeting of the Partnership Executive.",
        "RAG rating: Green – on track to meet the target date; Amber – some slippage, at risk of "
        "missing the target date; Red – off track, the target date has been missed.",
    ),
    columns=(
        Col("ref", "Ref", 1.2),
        Col("action", "Action", 9.3),
        Col("lead", "Lead", 3.6),
        Col("when", "Target date", 2.3),
        Col("status", "RAG", 1.6),
    ),
    priority_as="heading",
    status_as="word",
    status_key=_RAG_WORDS,
    header_fill="D9D9D9",
    builder="portrait",
    groups=(
        Group(
            1,
            "Reduce serious violence",
            "Reduce serious violence",
            one(
                A(
                    "1.1",
                    "Refresh the serious violence strategic needs assessment and publish the partnership's response strategy",
                    "Serious Violence Duty Lead",
                    "31/01/2025",
                    "2025-01-31",
                    "Green",
                ),
                A(
                    "1.2",
                    "Deliver Ask for Angela and bystander training to staff in 40 licensed premises in the town centre",
                    "Licensing Manager (Dunmore Council)",
                    "30/11/2024",
                    "2024-11-30",
                    "Amber",
                    leads=("Licensing Manager",),
                ),
                A(
                    "1.3",
                    "Set up a focused deterrence programme for young adults involved in violence, with a navigator offer at the point of arrest",
                    "Chief Inspector Paul Denning",
                    "31/03/2025",
                    "2025-03-31",
                    "Green",
                    leads=("Paul Denning",),
                ),
            ),
        ),
        Group(
            2,
            "Tackle domestic abuse and violence against women and girls",
            "Tackle domestic abuse and violence against women and girls",
            one(
                A(
                    "2.1",
                    "Recommission the independent domestic violence advisor service, including a health-based IDVA at Dunmore Royal Infirmary",
                    "Domestic Abuse Coordinator",
                    "31/03/2025",
                    "2025-03-31",
                    "Green",
                ),
                A(
                    "2.2",
                    "Run the White Ribbon Day campaign with sports clubs, faith groups and employers",
                    "Communications Team / Domestic Abuse Coordinator",
                    "25/11/2024",
                    "2024-11-25",
                    "Green",
                    leads=("Communications Team", "Domestic Abuse Coordinator"),
                ),
                A(
                    "2.3",
                    "Track the actions of the three open Domestic Homicide Reviews to completion and report to the Executive",
                    "DHR Panel Chair",
                    "Quarterly",
                    "Recurring",
                    "Amber",
                ),
                A(
                    "2.4",
                    "Introduce a community perpetrator programme for men who are not subject to statutory supervision",
                    "Probation Service",
                    "06/01/2025",
                    "2025-01-06",
                    "Red",
                ),
            ),
        ),
        Group(
            3,
            "Reduce anti-social behaviour and reoffending",
            "Reduce anti-social behaviour and reoffending",
            one(
                A(
                    "3.1",
                    "Hold a week of action during ASB Awareness Week with housing providers and neighbourhood policing teams",
                    "ASB Manager",
                    "31/07/2024",
                    "2024-07-31",
                    "Green",
                ),
                A(
                    "3.2",
                    "Refresh the Integrated Offender Management cohort to focus on neighbourhood crime",
                    "IOM Manager",
                    "30/09/2024",
                    "2024-09-30",
                    "Red",
                ),
                A(
                    "3.3",
                    "Review how the Community Trigger is publicised and report take-up to the Executive",
                    "ASB Manager",
                    "Ongoing",
                    "Ongoing",
                ),
            ),
        ),
    ),
)

# --- 20. SAB business plan with no table borders at all (whitespace columns) --------------

_PROGRESS: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Achieved – the action is complete", "Achieved"),
    ("On track", "On track – progressing to the date", "On track"),
    ("At risk", "Slipping – at risk of missing the date", "Slipping"),
    ("Overdue", "Overdue – the date has passed", "Overdue"),
)

RAVENSWORTH = Layout(
    stem="ravensworth-sab-borderless",
    title="Ravensworth Safeguarding Adults Board (RSAB) Business Plan 2025-26",
    key="RSAB 2025-26",
    workplan="Ravensworth Safeguarding Adults Board Business Plan",
    period="2025-26",
    shows="SAB business plan whose table has no borders and no shading at all (columns only by whitespace): band rows `Priority One – ...` (number as a word), Ref · What we will do · Lead · Working with · When · Progress words (`Achieved`, `Slipping`) with a key in the text",
    intro=(
        "The business plan describes how the Board and its partners will deliver the three "
        "strategic priorities in 2025-26.",
        "Progress key: Achieved – the action is complete; On track – progressing to the date; "
        "Slipping – at risk of missing the date; Overdue – the date has passed.",
    ),
    columns=(
        Col("ref", "Ref", 1.3),
        Col("action", "What we will do", 10.5),
        Col("lead", "Lead", 4.6),
        Col("partners", "Working with", 4.4),
        Col("when", "When", 2.8),
        Col("status", "Progress", 2.4),
    ),
    priority_as="band",
    status_as="word",
    status_key=_PROGRESS,
    header_fill="",
    band_fill="",
    builder="borderless",
    groups=(
        Group(
            1,
            "Priority One – Prevention: people are supported to stay safe before harm occurs",
            "Prevention: people are supported to stay safe before harm occurs",
            one(
                A(
                    "1.1",
                    "Write a self-neglect and hoarding practice guide and launch it at a multi-agency workshop",
                    "Head of Safeguarding Adults (Ravensworth Council)",
                    "June 2025",
                    "2025-06-30",
                    "Achieved",
                    leads=("Head of Safeguarding Adults",),
                    partners="Fire and Rescue Service, Housing",
                    support=("Fire and Rescue Service", "Housing"),
                ),
                A(
                    "1.2",
                    "Promote the 'See it, Report it' campaign in GP surgeries and community pharmacies",
                    "Communications and Engagement Group",
                    "Quarterly",
                    "Recurring",
                    "On track",
                ),
                A(
                    "1.3",
                    "Work with Trading Standards to reduce doorstep and online scams targeting older people",
                    "Lisa Marchant",
                    "December 2025",
                    "2025-12-31",
                    "Slipping",
                    partners="Trading Standards, Police",
                    support=("Trading Standards", "Police"),
                ),
            ),
        ),
        Group(
            2,
            "Priority Two – Making Safeguarding Personal: people's wishes shape what happens",
            "Making Safeguarding Personal: people's wishes shape what happens",
            one(
                A(
                    "2.1",
                    "Audit section 42 enquiries for evidence that the person's views and desired outcomes were recorded",
                    "Quality Assurance Sub-Group",
                    "September 2025",
                    "2025-09-30",
                    "On track",
                ),
                A(
                    "2.2",
                    "Introduce a feedback survey for people who have been through a safeguarding enquiry",
                    "Kwame Asante",
                    "Q2 2025/26",
                    "2025-09-30",
                    "Overdue",
                    partners="Adult Social Care",
                    support=("Adult Social Care",),
                ),
                A(
                    "2.3",
                    "Refresh the multi-agency safeguarding adults policy and procedures",
                    "Policy and Procedures Group",
                    "March 2026",
                    "2026-03-31",
                    "On track",
                ),
            ),
        ),
        Group(
            3,
            "Priority Three – Learning: we learn from reviews and improve practice",
            "Learning: we learn from reviews and improve practice",
            one(
                A(
                    "3.1",
                    "Publish the Safeguarding Adults Review 'Adult D' with a seven-minute briefing for practitioners",
                    "SAR Sub-Group",
                    "May 2025",
                    "2025-05-31",
                    "Achieved",
                ),
                A(
                    "3.2",
                    "Hold a learning event on transitional safeguarding for young people moving to adult services",
                    "Dr Naomi Fisher",
                    "Autumn 2025",
                    "2025-11-30",
                    "On track",
                    leads=("Naomi Fisher",),
                    partners="Children's Safeguarding Partnership",
                    support=("Children's Safeguarding Partnership",),
                ),
                A(
                    "3.3",
                    "Test whether learning from reviews has changed practice through a multi-agency case file audit",
                    "Quality Assurance Sub-Group",
                    "TBC",
                    "To be agreed",
                ),
            ),
        ),
    ),
)

# --- 21. Children's partnership: one table per priority, merged title row above the header,
# sub-actions 3.1.1, 3.1.2 under a parent row 3.1, status as emoji with a key above ---------
# A parent row (`1.1` and a line of text, no lead, date or status) heads its sub-actions
# the way an objective heads its actions: it is not itself a register row, and a
# sub-action's Action is its own cell.

_EMOJI: tuple[tuple[Status, str, str], ...] = (
    ("On track", "on track", "🟢"),
    ("At risk", "some slippage – at risk", "🟠"),
    ("Overdue", "off track – date missed", "🔴"),
)

THORNBURY = Layout(
    stem="thornbury-cp-titled-tables",
    title="Thornbury Children's Partnership (TCP) Delivery Plan 2025-26",
    key="TCP 2025-26",
    workplan="Thornbury Children's Partnership Delivery Plan",
    period="2025-26",
    shows="Children's partnership plan: one table per priority whose first row is a merged title row `Priority N: ...` and whose header row comes second; parent rows `3.1` over sub-actions `3.1.1`, `3.1.2` with their own Who and When; Status as emoji 🟢 🟠 🔴 with an emoji key in the text above",
    intro=(
        "Our delivery plan for 2025-26 turns the Partnership's three priorities into actions. "
        "Each action has a named lead and a date, and is reviewed at every Partnership meeting.",
        "Status key:  🟢 on track    🟠 some slippage – at risk    🔴 off track – date missed",
    ),
    columns=(
        Col("ref", "Ref", 1.6),
        Col("action", "What we will do", 13.0),
        Col("lead", "Who", 5.4),
        Col("when", "When", 3.2),
        Col("status", "Status", 1.8),
    ),
    priority_as="band",
    status_as="word",
    status_key=_EMOJI,
    header_fill="FCE4D6",
    band_fill="F4B183",
    builder="titled",
    groups=(
        Group(
            1,
            "Priority 1: Children are safe from exploitation and serious youth violence",
            "Children are safe from exploitation and serious youth violence",
            (
                Row(
                    (
                        A(
                            "1.1.1",
                            "Refresh the child exploitation screening tool and train front door staff in its use",
                            "Exploitation Sub-Group",
                            "June 2025",
                            "2025-06-30",
                            "🟢",
                        ),
                        A(
                            "1.1.2",
                            "Map locations of concern with the police and community safety teams every quarter",
                            "Missing and Exploitation Coordinator",
                            "Quarterly",
                            "Recurring",
                            "🟢",
                        ),
                    ),
                    mode="subrows",
                    ref="1.1",
                    intro="Strengthen the multi-agency response to child exploitation",
                ),
                Row(
                    (
                        A(
                            "1.2",
                            "Make sure every child who goes missing is offered a return home interview within 72 hours",
                            "Head of Early Help (Thornbury Council)",
                            "September 2025",
                            "2025-09-30",
                            "🟠",
                            leads=("Head of Early Help",),
                        ),
                    )
                ),
            ),
        ),
        Group(
            2,
            "Priority 2: Neglect is recognised and responded to early",
            "Neglect is recognised and responded to early",
            (
                Row(
                    (
                        A(
                            "2.1",
                            "Launch the Graded Care Profile 2 across early help and children's social care",
                            "Neglect Strategy Lead",
                            "October 2025",
                            "2025-10-31",
                            "🟢",
                        ),
                    )
                ),
                Row(
                    (
                        A(
                            "2.2.1",
                            "Audit 30 early help assessments against the partnership's practice standard",
                            "Quality Assurance Sub-Group",
                            "December 2025",
                            "2025-12-31",
                            "🟠",
                        ),
                        A(
                            "2.2.2",
                            "Run practice workshops on the audit findings with family hub staff",
                            "Helen Okoro / Ben Marsh",
                            "Spring 2026",
                            "2026-05-31",
                            leads=("Helen Okoro", "Ben Marsh"),
                        ),
                    ),
                    mode="subrows",
                    ref="2.2",
                    intro="Improve the quality of early help assessments",
                ),
            ),
        ),
        Group(
            3,
            "Priority 3: Children and young people's voices shape our services",
            "Children and young people's voices shape our services",
            (
                Row(
                    (
                        A(
                            "3.1.1",
                            "Set up a Young Advisors group to review one partnership policy each term",
                            "Participation Officer supported by Youth Service",
                            "Termly",
                            "Recurring",
                            "🟢",
                            leads=("Participation Officer",),
                            support=("Youth Service",),
                        ),
                        A(
                            "3.1.2",
                            "Add a 'what the child said' section to the multi-agency audit tool",
                            "Quality Assurance Sub-Group",
                            "July 2025",
                            "2025-07-31",
                            "🔴",
                        ),
                        A(
                            "3.1.3",
                            "Publish a 'You said, we did' report written for children and young people",
                            "Partnership Business Manager",
                            "March 2026",
                            "2026-03-31",
                            "🟢",
                        ),
                    ),
                    mode="subrows",
                    ref="3.1",
                    intro="Embed the voice of the child in the partnership's work",
                ),
                Row(
                    (
                        A(
                            "3.2",
                            "Hold a listening event with care-experienced young people and act on what they tell us",
                            "Virtual School Head",
                            "TBC",
                            "To be agreed",
                        ),
                    )
                ),
            ),
        ),
    ),
)

LAYOUTS = (*LAYOUTS, ELLERBY, DUNMORE, RAVENSWORTH, THORNBURY)


# === The third held-out set (HOLDOUT_3): shapes none of the twenty-one has =================
# Built by make_holdout3.py. Written on 2026-12-03 by someone who had not read parsers/,
# normalise/, ingest/ or output/; the register fields below were typed by hand, by
# REGISTER.md, and copied into expected/ before the program was first run on them.

HOLDOUT_3 = frozenset(
    {
        "pendleford-csp-action-cards",
        "kelsey-vale-cp-excel-export",
        "hawksmoor-sab-transposed",
    }
)

# --- 22. CSP delivery plan: one small two-column table per action (label | value) ---------
# Priorities are Heading 2 paragraphs (`Priority 1: ...`). Each action is its own table: a
# merged title row `Action 1.1`, then label rows `What we will do:`, `Lead:`, `Working with:`,
# `By when:`, `Status:` with the value beside each. Status words through the text key.

_SCHEDULE: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Complete – the action has been delivered", "Complete"),
    ("On track", "On schedule – progressing to the target", "On schedule"),
    ("At risk", "Behind schedule – at risk of missing the target", "Behind schedule"),
    ("Overdue", "Missed – the target has passed and the action is not complete", "Missed"),
)

PENDLEFORD = Layout(
    stem="pendleford-csp-action-cards",
    title="Pendleford Community Safety Partnership (PCSP) Delivery Plan 2025-26",
    key="PCSP 2025-26",
    workplan="Pendleford Community Safety Partnership Delivery Plan",
    period="2025-26",
    shows="CSP delivery plan with no grid of actions: each priority a heading (`Priority 1: ...`), then one small two-column table per action, a merged title row `Action 1.1` over label rows `What we will do:` · `Lead:` · `Working with:` · `By when:` · `Status:` and their values; status words `On schedule`/`Behind schedule`/`Missed` with a key in the text",
    intro=(
        "This delivery plan sets out what the Partnership's members will do in 2025-26 under "
        "the three priorities of the Community Safety Strategy. Each action is set out on its "
        "own, with its lead, the partners working with the lead, the target and its status.",
        "Status: Complete – the action has been delivered; On schedule – progressing to the "
        "target; Behind schedule – at risk of missing the target; Missed – the target has "
        "passed and the action is not complete.",
    ),
    columns=(
        Col("label", "", 4.0),
        Col("value", "", 14.0),
    ),
    priority_as="heading",
    status_as="word",
    status_key=_SCHEDULE,
    header_fill="FCE4D6",
    band_fill="F4B084",
    builder="cards",
    groups=(
        Group(
            1,
            "Priority 1: A safer town centre at night",
            "A safer town centre at night",
            one(
                A(
                    "1.1",
                    "Extend the Safe Space at the bus station to Friday and Saturday nights from 10pm to 4am",
                    "Night-Time Economy Manager (Pendleford BID)",
                    "September 2025",
                    "2025-09-30",
                    "On schedule",
                    leads=("Night-Time Economy Manager",),
                    partners="St John Ambulance, Street Pastors",
                    support=("St John Ambulance", "Street Pastors"),
                ),
                A(
                    "1.2",
                    "Sign up 60 licensed premises to the Women's Night Safety Charter",
                    "Licensing Team",
                    "March 2026",
                    "2026-03-31",
                    "Behind schedule",
                    partners="Pendleford Pubwatch",
                    support=("Pendleford Pubwatch",),
                ),
                A(
                    "1.3",
                    "Install and monitor 12 new CCTV cameras in the Market Street and Canal Walk area",
                    "CCTV Manager",
                    "End of June 2025",
                    "2025-06-30",
                    "Complete",
                    partners="Highways Team",
                    support=("Highways Team",),
                ),
            ),
        ),
        Group(
            2,
            "Priority 2: Reduce harm from drugs and alcohol",
            "Reduce harm from drugs and alcohol",
            one(
                A(
                    "2.1",
                    "Deliver naloxone training to hostel staff and outreach workers across the borough",
                    "Substance Misuse Commissioning Lead",
                    "Quarterly",
                    "Recurring",
                    "On schedule",
                    partners="Change Grow Live",
                    support=("Change Grow Live",),
                ),
                A(
                    "2.2",
                    "Run county lines disruption days at the railway station with British Transport Police",
                    "DI Sarah Whitlock",
                    "Ongoing",
                    "Ongoing",
                    "On schedule",
                    leads=("Sarah Whitlock",),
                    partners="British Transport Police",
                    support=("British Transport Police",),
                ),
                A(
                    "2.3",
                    "Review the drug-related deaths of 2024 and present the learning to the Partnership",
                    "Public Health Consultant",
                    "Autumn 2025",
                    "2025-11-30",
                    "Behind schedule",
                ),
            ),
        ),
        Group(
            3,
            "Priority 3: Protect people from exploitation",
            "Protect people from exploitation",
            one(
                A(
                    "3.1",
                    "Train 200 front-line staff to spot and report modern slavery and cuckooing",
                    "Community Safety Manager",
                    "31 January 2026",
                    "2026-01-31",
                    "On schedule",
                    partners="Adult Social Care, Housing Options",
                    support=("Adult Social Care", "Housing Options"),
                ),
                A(
                    "3.2",
                    "Set up a monthly multi-agency panel for adults at risk of cuckooing",
                    "Housing Options Manager / Adult Safeguarding Lead",
                    "May 2025",
                    "2025-05-31",
                    "Missed",
                    leads=("Housing Options Manager", "Adult Safeguarding Lead"),
                    partners="Pendleford Police",
                    support=("Pendleford Police",),
                ),
                A(
                    "3.3",
                    "Agree an information-sharing agreement on exploitation with the two neighbouring partnerships",
                    "Community Safety Manager",
                    "TBC",
                    "To be agreed",
                ),
            ),
        ),
    ),
)

# --- 23. Children's partnership action plan exported from Excel ------------------------------
# Too wide for one page, so printed as Excel prints it with `Columns to repeat at left`: the
# first page holds Priority (merged down) · Ref · Action · Lead · Partners, the second the
# same Priority · Ref columns again, then Start date · Target completion date · Progress ·
# Progress update. Dates day first; Progress words through the legend in the text.

_PROGRESS_WORDS: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Complete = action delivered", "Complete"),
    (
        "On track",
        "In progress = under way and on track for the target completion date",
        "In progress",
    ),
    (
        "At risk",
        "Not started = not yet begun and at risk of missing the target completion date",
        "Not started",
    ),
)

KELSEY_VALE = Layout(
    stem="kelsey-vale-cp-excel-export",
    title="Kelsey Vale Children's Safeguarding Partnership (KVCSP) Early Help Action Plan 2025/26",
    key="KVCSP 2025-26",
    workplan="Kelsey Vale Children's Safeguarding Partnership Early Help Action Plan",
    period="2025-26",
    shows="Children's partnership action plan exported from Excel: too wide for a page, so split as Excel prints it with columns repeated at the left, page 1 Priority (merged, `1. ...`) · Ref · Action · Lead · Partners, page 2 Priority · Ref again then `Start date` · `Target completion date` (`01/04/2025`) · Progress words `Complete`/`In progress`/`Not started` with a legend · Progress update; light grey gridlines, dark header with white text",
    intro=(
        "Progress: Complete = action delivered | In progress = under way and on track for the "
        "target completion date | Not started = not yet begun and at risk of missing the "
        "target completion date",
    ),
    columns=(
        Col("objective", "Priority", 5.0),
        Col("ref", "Ref", 1.3),
        Col("action", "Action", 11.2),
        Col("lead", "Lead", 4.6),
        Col("partners", "Partners", 4.6),
        Col("start", "Start date", 2.5),
        Col("when", "Target completion date", 3.2),
        Col("status", "Progress", 2.5),
        Col("extra:0", "Progress update", 12.0),
    ),
    priority_as="objective",
    status_as="word",
    status_key=_PROGRESS_WORDS,
    header_fill="1F4E78",
    band_fill="DDEBF7",
    font_pt=9.0,
    builder="excel",
    groups=(
        Group(
            1,
            "1. Families get the right help at the right time",
            "Families get the right help at the right time",
            one(
                A(
                    "1.1",
                    "Publish the early help offer for families on the council website and the Family Hub app",
                    "Early Help Service Manager",
                    "30/06/2025",
                    "2025-06-30",
                    "Complete",
                    start="01/04/2025",
                    partners="Family Hubs, Health Visiting",
                    support=("Family Hubs", "Health Visiting"),
                    extra=("Published on 19 June 2025; 1,240 page views in the first month",),
                ),
                A(
                    "1.2",
                    "Train 150 practitioners to complete Early Help Assessments using the new Family Plan template",
                    "Early Help Training Lead",
                    "31/12/2025",
                    "2025-12-31",
                    "In progress",
                    start="01/05/2025",
                    partners="Schools, Kelsey Vale Community Health",
                    support=("Schools", "Kelsey Vale Community Health"),
                    extra=("82 practitioners trained to the end of September",),
                ),
                A(
                    "1.3",
                    "Set up a single front door for early help requests alongside the MASH",
                    "Head of Early Help",
                    "31/03/2026",
                    "2026-03-31",
                    "Not started",
                    start="01/09/2025",
                    partners="MASH partners",
                    support=("MASH partners",),
                    extra=("Options paper to the Executive in October",),
                ),
            ),
        ),
        Group(
            2,
            "2. Children living with neglect are identified and helped early",
            "Children living with neglect are identified and helped early",
            one(
                A(
                    "2.1",
                    "Roll out the Graded Care Profile 2 neglect tool to health visitors and school nurses",
                    "Named Nurse for Safeguarding Children (ICB)",
                    "31/10/2025",
                    "2025-10-31",
                    "In progress",
                    leads=("Named Nurse for Safeguarding Children",),
                    start="01/04/2025",
                    partners="0-19 Service",
                    support=("0-19 Service",),
                    extra=("Health visitors trained; school nurses booked for October",),
                ),
                A(
                    "2.2",
                    "Audit 30 neglect cases that have an early help plan and report the findings to the Quality Assurance Group",
                    "QA Sub-Group Chair",
                    "31/01/2026",
                    "2026-01-31",
                    "Not started",
                    start="01/10/2025",
                ),
                A(
                    "2.3",
                    "Run a neglect awareness campaign for parents in the four most deprived wards",
                    "Partnership Communications Officer",
                    "30/11/2025",
                    "2025-11-30",
                    "In progress",
                    start="01/07/2025",
                    partners="Public Health",
                    support=("Public Health",),
                    extra=("Campaign materials agreed with parents' panel",),
                ),
            ),
        ),
        Group(
            3,
            "3. Children stay in education and thrive",
            "Children stay in education and thrive",
            one(
                A(
                    "3.1",
                    "Agree a joint protocol between early help and schools for children missing education",
                    "Education Welfare Manager",
                    "30/09/2025",
                    "2025-09-30",
                    "Complete",
                    start="01/04/2025",
                    partners="School Admissions",
                    support=("School Admissions",),
                    extra=("Protocol signed off by headteachers' forum in September",),
                ),
                A(
                    "3.2",
                    "Review the early help performance dashboard with partners",
                    "Business Intelligence Lead",
                    "Quarterly",
                    "Recurring",
                    "In progress",
                    start="01/04/2025",
                    extra=("Q1 and Q2 reviews held",),
                ),
                A(
                    "3.3",
                    "Commission a parenting programme for parents of teenagers",
                    "Commissioning Manager",
                    "TBC",
                    "To be agreed",
                    "Not started",
                    start="01/01/2026",
                ),
            ),
        ),
    ),
)

# --- 24. SAB delivery plan with transposed tables: fields are rows, actions are columns -----
# Each priority a heading before its own table; the first column holds the field names
# (`Ref`, `What we will do`, `Who will lead`, `Working with`, `Timescale`, `RAG`), each further
# column is one action. The RAG row is shaded, explained by a colour key table above.

_TRANSPOSED_KEY: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Complete", "8EA9DB"),
    ("On track", "Green – on track", "92D050"),
    ("At risk", "Amber – at risk of slipping", "FFC000"),
    ("Overdue", "Red – overdue", "FF0000"),
)

HAWKSMOOR = Layout(
    stem="hawksmoor-sab-transposed",
    title="Hawksmoor Safeguarding Adults Board (HSAB) Delivery Plan 2025-26",
    key="HSAB 2025-26",
    workplan="Hawksmoor Safeguarding Adults Board Delivery Plan",
    period="2025-26",
    shows="SAB delivery plan in transposed tables: each priority a heading (`Strategic Priority 1 – ...`) before a table whose first column names the fields (`Ref`, `What we will do`, `Who will lead`, `Working with`, `Timescale`, `RAG`) and whose other columns are one action each; RAG row shaded, colour key table",
    intro=(
        "The delivery plan shows what the Board will do in 2025-26 towards each of its three "
        "strategic priorities. Each column of a table is one action. The RAG rating is "
        "updated for every Board meeting.",
    ),
    columns=(
        Col("ref", "Ref", 0),
        Col("action", "What we will do", 0),
        Col("lead", "Who will lead", 0),
        Col("partners", "Working with", 0),
        Col("when", "Timescale", 0),
        Col("status", "RAG", 0),
    ),
    priority_as="heading",
    status_as="fill",
    status_key=_TRANSPOSED_KEY,
    header_fill="D9D9D9",
    builder="transposed",
    groups=(
        Group(
            1,
            "Strategic Priority 1 – Prevention: stopping abuse and neglect before it happens",
            "Prevention: stopping abuse and neglect before it happens",
            one(
                A(
                    "1.1",
                    "Hold a self-neglect and hoarding learning event for housing providers and fire service staff",
                    "SAB Business Manager",
                    "June 2025",
                    "2025-06-30",
                    "Complete",
                    partners="Hawksmoor Fire Service",
                    support=("Hawksmoor Fire Service",),
                ),
                A(
                    "1.2",
                    "Publish a multi-agency financial abuse and scams toolkit",
                    "Head of Trading Standards",
                    "December 2025",
                    "2025-12-31",
                    "On track",
                    partners="Police Economic Crime Unit",
                    support=("Police Economic Crime Unit",),
                ),
                A(
                    "1.3",
                    "Refresh the self-neglect multi-agency procedures following the 2024 thematic review",
                    "Prevention Sub-Group",
                    "March 2026",
                    "2026-03-31",
                    "At risk",
                ),
            ),
        ),
        Group(
            2,
            "Strategic Priority 2 – Making Safeguarding Personal",
            "Making Safeguarding Personal",
            one(
                A(
                    "2.1",
                    "Survey people who have been through a safeguarding enquiry about whether the outcomes they wanted were met",
                    "Principal Social Worker (Adult Social Care)",
                    "Q3 2025/26",
                    "2025-12-31",
                    "On track",
                    leads=("Principal Social Worker",),
                    partners="Healthwatch Hawksmoor",
                    support=("Healthwatch Hawksmoor",),
                ),
                A(
                    "2.2",
                    "Train advocates and care home managers in Making Safeguarding Personal conversations",
                    "Workforce Development Lead",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                    partners="Hawksmoor Care Association",
                    support=("Hawksmoor Care Association",),
                ),
                A(
                    "2.3",
                    "Audit 40 Section 42 enquiries for recorded desired outcomes and report to the Board",
                    "Performance Sub-Group",
                    "January 2026",
                    "2026-01-31",
                    "At risk",
                ),
            ),
        ),
        Group(
            3,
            "Strategic Priority 3 – Learning from Safeguarding Adults Reviews",
            "Learning from Safeguarding Adults Reviews",
            one(
                A(
                    "3.1",
                    "Publish the Safeguarding Adults Review 'Mr K' with a seven-minute briefing",
                    "SAR Sub-Group Chair",
                    "September 2025",
                    "2025-09-30",
                    "Overdue",
                ),
                A(
                    "3.2",
                    "Track SAR action plans to completion and report progress to the Board",
                    "SAB Business Manager",
                    "Each Board meeting",
                    "Recurring",
                    "On track",
                    partners="SAR Sub-Group",
                    support=("SAR Sub-Group",),
                ),
                A(
                    "3.3",
                    "Run a joint learning conference on reviews with the Safeguarding Children Partnership",
                    "Independent Chair / Designated Nurse (ICB)",
                    "Spring 2026",
                    "2026-05-31",
                    leads=("Independent Chair", "Designated Nurse"),
                    partners="Safeguarding Children Partnership",
                    support=("Safeguarding Children Partnership",),
                ),
            ),
        ),
    ),
)

LAYOUTS = (*LAYOUTS, PENDLEFORD, KELSEY_VALE, HAWKSMOOR)


# === The fourth held-out set (HOLDOUT_4): shapes none of the twenty-four has ================
# Built by make_holdout4.py. Written on 2026-12-03 by someone who had not read parsers/,
# normalise/, ingest/ or output/; the register fields below were typed by hand, by
# REGISTER.md, and copied into expected/ before the program was first run on them.

HOLDOUT_4 = frozenset(
    {
        "ashby-hwb-paragraphs",
        "kirkwood-cp-initials",
        "marlow-fields-csp-quarterly",
    }
)

# --- 25. HWB delivery plan: numbered paragraphs under headings, no table of actions --------
# Each priority a Heading 2 (`1. Best start in life`); each action a paragraph
# `1.1 Increase ... (Lead: Director of Public Health; by March 2026)`. The only table is a
# RAG summary at the end (Ref | RAG), the RAG cell shaded, the colours named in a sentence.

_ASHBY_KEY: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Blue – complete", "5B9BD5"),
    ("On track", "Green – on track", "70AD47"),
    ("At risk", "Amber – at risk of slipping", "FFC000"),
    ("Overdue", "Red – overdue", "FF0000"),
)

ASHBY = Layout(
    stem="ashby-hwb-paragraphs",
    title="Ashby Health and Wellbeing Board (AHWB) Delivery Plan 2025-26",
    key="AHWB 2025-26",
    workplan="Ashby Health and Wellbeing Board Delivery Plan",
    period="2025-26",
    shows="HWB delivery plan with no table of actions: each priority a heading (`1. Best start in life`), each action a numbered paragraph ending in brackets `(Lead: Director of Public Health; by March 2026)`, some leads `..., supported by ...`; the only table a RAG summary at the end (Ref · RAG shaded, one cell white), the colours named in a sentence above it",
    intro=(
        "This plan sets out what Board members will deliver in 2025-26 against the three "
        "priorities of the Joint Local Health and Wellbeing Strategy. Each action names its "
        "lead and the date by which it will be delivered.",
    ),
    columns=(Col("ref", "Ref", 2.5), Col("status", "RAG", 3.0)),
    priority_as="heading",
    status_as="fill",
    status_key=_ASHBY_KEY,
    header_fill="DEEAF6",
    builder="paragraphs",
    groups=(
        Group(
            1,
            "1. Best start in life",
            "Best start in life",
            one(
                A(
                    "1.1",
                    "Increase the uptake of the second dose of MMR at five years to 92% through catch-up clinics in the three wards with the lowest uptake",
                    "Director of Public Health",
                    "March 2026",
                    "2026-03-31",
                    "On track",
                ),
                A(
                    "1.2",
                    "Open two further Family Hubs in Eastgate and Long Lane, with perinatal mental health and infant feeding support on site",
                    "Head of Early Help, supported by ICB Maternity Lead",
                    "September 2025",
                    "2025-09-30",
                    "At risk",
                    leads=("Head of Early Help",),
                    support=("ICB Maternity Lead",),
                ),
                A(
                    "1.3",
                    "Offer Healthy Start vitamins through every children's centre and community pharmacy",
                    "Public Health Nursing Service Manager",
                    "ongoing",
                    "Ongoing",
                    "On track",
                ),
            ),
        ),
        Group(
            2,
            "2. Living and working well",
            "Living and working well",
            one(
                A(
                    "2.1",
                    "Commission a whole-system healthy weight programme with leisure, planning and schools",
                    "Consultant in Public Health (Healthy Weight)",
                    "Q3 2025/26",
                    "2025-12-31",
                    "Overdue",
                    leads=("Consultant in Public Health",),
                ),
                A(
                    "2.2",
                    "Train 500 frontline staff across partner organisations in Making Every Contact Count",
                    "Workforce Development Lead (Ashby ICB)",
                    "June 2026",
                    "2026-06-30",
                    leads=("Workforce Development Lead",),
                ),
                A(
                    "2.3",
                    "Launch the Ashby Works employment support pilot for people with long-term health conditions",
                    "Head of Economic Development",
                    "January 2026",
                    "2026-01-31",
                    "Complete",
                ),
            ),
        ),
        Group(
            3,
            "3. Ageing well",
            "Ageing well",
            one(
                A(
                    "3.1",
                    "Extend the falls prevention service to every care home in the borough",
                    "Director of Adult Social Care, supported by Ashby Community Health Trust",
                    "December 2025",
                    "2025-12-31",
                    "On track",
                    leads=("Director of Adult Social Care",),
                    support=("Ashby Community Health Trust",),
                ),
                A(
                    "3.2",
                    "Review take-up of the winter warmth scheme and agree a single referral route with the Fire and Rescue Service",
                    "Director of Public Health",
                    "quarterly",
                    "Recurring",
                    "On track",
                ),
                A(
                    "3.3",
                    "Publish a dementia-friendly borough action plan written with people living with dementia and their carers",
                    "Healthwatch Ashby / Adult Social Care Commissioning Manager",
                    "Spring 2026",
                    "2026-05-31",
                    "At risk",
                    leads=("Healthwatch Ashby", "Adult Social Care Commissioning Manager"),
                ),
            ),
        ),
    ),
)

# --- 26. Children's partnership action plan: owners as initials explained by a key table --
# Priority (merged, `1. Early help`) | Outcome (merged) | Action (`1.1 ...` in the text) |
# Owner (initials, `JB / MH`) | RAG (the word in a cell shaded its colour). No timeframe
# column. A key table at the end: `JB – Jo Brown, Head of Early Help`.

_KIRKWOOD_KEY: tuple[tuple[Status, str, str], ...] = (
    ("On track", "Green – on track", "Green"),
    ("At risk", "Amber – some slippage, at risk", "Amber"),
    ("Overdue", "Red – not on track or overdue", "Red"),
    ("Complete", "Blue – complete", "Blue"),
)
KIRKWOOD_OWNERS = (
    ("JB", "Jo Brown, Head of Early Help"),
    ("MH", "Mark Hughes, Partnership Business Manager"),
    ("RP", "Ruth Patel, Head of the Virtual School"),
    ("SK", "Sam Khan, Designated Nurse for Safeguarding Children"),
    ("DO", "DI Dan Okafor, Public Protection Unit"),
    ("LT", "Dr Lisa Turner, Designated Doctor"),
)

KIRKWOOD = Layout(
    stem="kirkwood-cp-initials",
    title="Kirkwood Children's Partnership (KCP) Action Plan 2025-26",
    key="KCP 2025-26",
    workplan="Kirkwood Children's Partnership Action Plan",
    period="2025-26",
    shows="Children's partnership action plan: Priority (merged, `1. Early help`) · Outcome (merged) · Action with its id in the text · Owner as initials (`JB`, `DO/JB`) explained in a key table at the end (`JB – Jo Brown, Head of Early Help`) · RAG as the words `Green`/`Amber`/`Red`/`Blue` in cells shaded that colour (key in the text); no timeframe column",
    intro=(
        "RAG rating: Green – on track; Amber – some slippage, at risk; Red – not on track or "
        "overdue; Blue – complete. Owners are shown by their initials: see the key at the end.",
    ),
    columns=(
        Col("objective", "Priority", 3.2),
        Col("outcome", "Outcome", 4.8),
        Col("action", "Action", 11.0),
        Col("lead", "Owner", 2.4),
        Col("status", "RAG", 2.4),
    ),
    priority_as="objective",
    status_as="word",
    status_key=_KIRKWOOD_KEY,
    header_fill="E2EFD9",
    builder="initials",
    extra={
        "1": "Families get the right help as soon as needs emerge",
        "2": "Children missing education are found and supported quickly",
        "3": "Young people at risk of exploitation are identified and kept safe",
    },
    groups=(
        Group(
            1,
            "1. Early help",
            "Families get the right help as soon as needs emerge",
            one(
                A(
                    "1.1",
                    "Train 200 practitioners in the refreshed Early Help Assessment",
                    "JB",
                    "",
                    "None",
                    "Green",
                    leads=("Jo Brown",),
                ),
                A(
                    "1.2",
                    "Launch a single front door for early help requests alongside the MASH",
                    "JB / MH",
                    "",
                    "None",
                    "Amber",
                    leads=("Jo Brown", "Mark Hughes"),
                ),
                A(
                    "1.3",
                    "Audit 40 early help plans each quarter and report the findings to the Quality Assurance sub-group",
                    "MH",
                    "",
                    "None",
                    "Green",
                    leads=("Mark Hughes",),
                ),
            ),
        ),
        Group(
            2,
            "2. Safeguarding in education",
            "Children missing education are found and supported quickly",
            one(
                A(
                    "2.1",
                    "Agree a shared protocol for children missing education with every academy trust",
                    "RP",
                    "",
                    "None",
                    "Blue",
                    leads=("Ruth Patel",),
                ),
                A(
                    "2.2",
                    "Track the attendance of children on child protection plans every week",
                    "RP",
                    "",
                    "None",
                    "Amber",
                    leads=("Ruth Patel",),
                ),
                A(
                    "2.3",
                    "Give safeguarding supervision to the designated safeguarding lead of every secondary school",
                    "SK",
                    "",
                    "None",
                    "Red",
                    leads=("Sam Khan",),
                ),
            ),
        ),
        Group(
            3,
            "3. Exploitation",
            "Young people at risk of exploitation are identified and kept safe",
            one(
                A(
                    "3.1",
                    "Map exploitation hotspots each month with the police and the youth service",
                    "DO",
                    "",
                    "None",
                    "Green",
                    leads=("Dan Okafor",),
                ),
                A(
                    "3.2",
                    "Offer every child who goes missing a return home interview within 72 hours",
                    "DO/JB",
                    "",
                    "None",
                    "Red",
                    leads=("Dan Okafor", "Jo Brown"),
                ),
                A(
                    "3.3",
                    "Review the health assessments of young people held in custody",
                    "LT",
                    "",
                    "None",
                    leads=("Lisa Turner",),
                ),
            ),
        ),
    ),
)

# --- 27. CSP action plan: cells merged both ways, quarterly update columns ----------------
# Band rows `Priority N – ...`; Ref | Action | Lead | Partners | Target date | Q1 update |
# Q2 update | Q3 update | Q4 update. `All partners` merged across Lead and Partners; a Lead,
# a Partners and a Target date cell each merged down over the rows that share it. No status.

MARLOW = Layout(
    stem="marlow-fields-csp-quarterly",
    title="Marlow Fields Community Safety Partnership (MFCSP) Action Plan 2025-26",
    key="MFCSP 2025-26",
    workplan="Marlow Fields Community Safety Partnership Action Plan",
    period="2025-26",
    shows="CSP action plan with cells merged both ways: `All partners` one cell across Lead and Partners, and Lead, Partners and Target date cells merged down over the rows that share them; band rows `Priority N – ...`; `Q1 update` .. `Q4 update` columns the register does not use (a quarter's text saying `Completed` is not a status); no status",
    intro=(
        "The Partnership reviews this plan every quarter; each quarter's update is recorded "
        "in its own column.",
    ),
    columns=(
        Col("ref", "Ref", 1.2),
        Col("action", "Action", 6.4),
        Col("lead", "Lead", 3.2),
        Col("partners", "Partners", 3.2),
        Col("when", "Target date", 2.2),
        Col("extra:0", "Q1 update", 2.6),
        Col("extra:1", "Q2 update", 2.6),
        Col("extra:2", "Q3 update", 2.6),
        Col("extra:3", "Q4 update", 2.6),
    ),
    priority_as="band",
    status_as="none",
    header_fill="D0CECE",
    band_fill="EDEDED",
    builder="merged",
    groups=(
        Group(
            1,
            "Priority 1 – Reduce serious violence",
            "Reduce serious violence",
            one(
                A(
                    "1.1",
                    "Publish the refreshed serious violence strategic needs assessment",
                    "Serious Violence Duty Lead",
                    "July 2025",
                    "2025-07-31",
                    partners="Public Health, Police Analysts",
                    support=("Public Health", "Police Analysts"),
                    extra=("Draft to the Board in June", "Completed: published 28 July", "", ""),
                ),
                A(
                    "1.2",
                    "Deliver knife crime awareness sessions in every secondary school and the pupil referral unit",
                    "Serious Violence Duty Lead",
                    "December 2025",
                    "2025-12-31",
                    partners="Youth Justice Service, Schools",
                    support=("Youth Justice Service", "Schools"),
                    extra=("Sessions booked in 6 of 9 schools", "14 sessions delivered", "", ""),
                ),
                A(
                    "1.3",
                    "Agree a joint information-sharing agreement for the Serious Violence Duty",
                    "All partners",
                    "September 2025",
                    "2025-09-30",
                    leads=(
                        "Marlow Fields Community Safety Partnership",
                    ),  # the plan's own body (issue 14)
                    extra=(
                        "Draft circulated to partners",
                        "Signed by all partners in September",
                        "",
                        "",
                    ),
                ),
            ),
        ),
        Group(
            2,
            "Priority 2 – Tackle anti-social behaviour",
            "Tackle anti-social behaviour",
            one(
                A(
                    "2.1",
                    "Hold a case review meeting every month for repeat victims of anti-social behaviour",
                    "ASB Team Leader",
                    "Monthly",
                    "Recurring",
                    partners="Marlow Homes, Police",
                    support=("Marlow Homes", "Police"),
                    extra=(
                        "Meetings held April to June",
                        "Meetings held July to September",
                        "",
                        "",
                    ),
                ),
                A(
                    "2.2",
                    "Complete Community Trigger reviews within 25 working days of a request",
                    "Community Safety Manager",
                    "March 2026",
                    "2026-03-31",
                    partners="Marlow Homes, Police",
                    support=("Marlow Homes", "Police"),
                    extra=("2 of 3 reviews in time", "", "", ""),
                ),
                A(
                    "2.3",
                    "Run two days of action on the Greenway estate with youth outreach workers",
                    "Inspector Kate Rowe",
                    "March 2026",
                    "2026-03-31",
                    leads=("Kate Rowe",),
                    partners="Youth Service",
                    support=("Youth Service",),
                    extra=("", "First day of action held 12 September", "", ""),
                ),
            ),
        ),
        Group(
            3,
            "Priority 3 – Protect people from domestic abuse",
            "Protect people from domestic abuse",
            one(
                A(
                    "3.1",
                    "Recommission the independent domestic violence advisor service",
                    "Domestic Abuse Commissioning Manager",
                    "October 2025",
                    "2025-10-31",
                    partners="Police and Crime Commissioner's Office",
                    support=("Police and Crime Commissioner's Office",),
                    extra=("Tender issued", "Contract awarded; new service from 1 October", "", ""),
                ),
                A(
                    "3.2",
                    "Train the front-door staff of every partner in the DASH risk assessment",
                    "All partners",
                    "TBC",
                    "To be agreed",
                    leads=(
                        "Marlow Fields Community Safety Partnership",
                    ),  # the plan's own body (issue 14)
                    extra=("Training provider being sourced", "", "", ""),
                ),
                A(
                    "3.3",
                    "Complete the domestic homicide review for Adult F and publish the learning",
                    "Community Safety Manager",
                    "February 2026",
                    "2026-02-28",
                    partners="DHR Panel",
                    support=("DHR Panel",),
                    extra=("Panel appointed", "Chronologies received", "", ""),
                ),
            ),
        ),
    ),
)

LAYOUTS = (*LAYOUTS, ASHBY, KIRKWOOD, MARLOW)

# --- The keys set (issue 14): a document's own keys, two plans of one partnership ---------
# Built by ``make_keys.py``; not held out (made with the rules in view).

_WEXCOMBE_FILLS: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Completed", "9DC3E6"),
    ("On track", "On target", "C5E0B3"),
    ("At risk", "Slipping", "FFE699"),
    ("Overdue", "Missed", "F4B183"),  # light orange: amber on the standard palette
)

WEXCOMBE_PREVENTION = Layout(
    stem="wexcombe-sab-shaded-key",
    title="Wexcombe Safeguarding Adults Board (WSAB) Prevention Sub-Group Work Plan 2025-26",
    key="WSAB 2025-26",
    workplan="Wexcombe Safeguarding Adults Board Prevention Sub-Group Work Plan",
    period="2025-26",
    shows="SAB sub-group work plan whose colour key is a paragraph of shaded words (`Completed`, `On target`, `Slipping`, `Missed` on light blue, green, yellow and orange, the orange amber on a standard palette but `Missed` here); RAG cells shaded in those colours; no cell padding, so words touch the PDF's cell borders; two leads on two lines with no comma; a role with its organisation in brackets; a timeframe whose first line ends in a dash; `Full Sub-Group`",
    columns=(
        Col("ref", "Ref", 1.3),
        Col("action", "Action", 10.0),
        Col("lead", "Lead", 5.2),
        Col("when", "Timeframe", 3.4),
        Col("status", "RAG", 1.8),
    ),
    priority_as="none",
    status_as="fill",
    status_key=_WEXCOMBE_FILLS,
    header_fill="D9D9D9",
    builder="keys",
    groups=(
        Group(
            1,
            "",
            "",
            one(
                A(
                    "1.1",
                    "Share police concerns about adults at risk with the front door within one working day",
                    "Metropolitan Police Service",
                    "April 2025 –\nMarch 2026",
                    "2026-03-31",
                    "Complete",
                ),
                A(
                    "1.2",
                    "Run four self-neglect and hoarding workshops for housing officers",
                    "Amira Shah\nTom Reilly",
                    "September 2025",
                    "2025-09-30",
                    "On track",
                    leads=("Amira Shah", "Tom Reilly"),
                ),
                A(
                    "1.3",
                    "Offer every adult leaving prison with care needs a joint assessment",
                    "Probation Service",
                    "Quarterly",
                    "Recurring",
                    "At risk",
                ),
            ),
        ),
        Group(
            2,
            "",
            "",
            one(
                A(
                    "2.1",
                    "Review the prevention strategy against the learning from the last three reviews",
                    "Full Sub-Group",
                    "December 2025",
                    "2025-12-31",
                    "Overdue",
                    leads=("Wexcombe Safeguarding Adults Board Prevention Sub-Group",),
                ),
                A(
                    "2.2",
                    "Commission a pathway for adults who repeatedly attend the emergency department",
                    "NHS South West London ICB",
                    "March 2026",
                    "2026-03-31",
                    "On track",
                ),
                A(
                    "2.3",
                    "Publish a short guide to making safeguarding personal for care providers",
                    "Head of Adult Social Care (Wexcombe Council)\nAge UK Wexcombe",
                    "Ongoing",
                    "Ongoing",
                    None,
                    leads=("Head of Adult Social Care", "Age UK Wexcombe"),
                ),
            ),
        ),
    ),
)

WEXCOMBE_CSP = Layout(
    stem="wexcombe-csp-word-key",
    title="Wexcombe Community Safety Partnership (WCSP) Delivery Plan 2025-26",
    key="WCSP 2025-26",
    workplan="Wexcombe Community Safety Partnership Delivery Plan",
    period="2025-26",
    shows="CSP delivery plan with status words defined by a key in the text (`Live`, `Paused`, `Delayed`, `Done`), `Delayed` there meaning past its date (Overdue), not its usual At risk; the bodies the shaded-key plan writes in full written as acronyms (`MPS`, `ICB`, `Probation`); `the Partnership`; a range `June 2025–September 2025` wrapped after its dash in a narrow column",
    intro=(
        "Status key: Live – under way and on course; Paused – at risk of missing the date; "
        "Delayed – the target date has passed and the action is not complete; Done – delivered.",
    ),
    columns=(
        Col("ref", "Ref", 1.3),
        Col("action", "Action", 10.0),
        Col("lead", "Lead", 4.0),
        Col("partners", "Partners", 4.0),
        Col("when", "By when", 2.3),
        Col("status", "Status", 2.0),
    ),
    priority_as="none",
    status_as="word",
    status_key=(
        ("On track", "Live", "Live"),
        ("At risk", "Paused", "Paused"),
        ("Overdue", "Delayed", "Delayed"),
        ("Complete", "Done", "Done"),
    ),
    header_fill="FCE4D6",
    builder="keys",
    groups=(
        Group(
            1,
            "",
            "",
            one(
                A(
                    "1.1",
                    "Map the night-time economy hotspots for violence against women and girls",
                    "MPS",
                    "June 2025–September 2025",
                    "2025-09-30",
                    "Done",
                    partners="ICB",
                    support=("ICB",),
                ),
                A(
                    "1.2",
                    "Set up a joint problem-solving panel for repeat victims of anti-social behaviour",
                    "Amira Shah",
                    "December 2025",
                    "2025-12-31",
                    "Delayed",
                    partners="MPS, Probation",
                    support=("MPS", "Probation"),
                ),
                A(
                    "1.3",
                    "Refresh the Serious Violence Duty strategic needs assessment",
                    "the Partnership",
                    "March 2026",
                    "2026-03-31",
                    "Live",
                    leads=("Wexcombe Community Safety Partnership",),
                ),
                A(
                    "1.4",
                    "Offer an integrated offender management review to every prison leaver",
                    "Probation",
                    "Quarterly",
                    "Recurring",
                    "Paused",
                    partners="MPS",
                    support=("MPS",),
                ),
                A(
                    "1.5",
                    "Deliver a knife-crime education session in every secondary school",
                    "Youth Justice Service",
                    "July 2025",
                    "2025-07-31",
                    "Done",
                ),
            ),
        ),
    ),
)

KEYS = (WEXCOMBE_PREVENTION, WEXCOMBE_CSP)
LAYOUTS = (*LAYOUTS, *KEYS)


# === The fifth held-out set (HOLDOUT_5): shapes none of the twenty-nine has =================
# Built by make_holdout5.py. Written on 2026-12-03 by someone who had not read parsers/,
# normalise/, ingest/ or output/; the register fields below were typed by hand, by
# REGISTER.md, and copied into expected/ before the program was first run on them.

HOLDOUT_5 = frozenset(
    {
        "saltmarsh-csp-owner-deadline",
        "brindley-sab-bracketed-leads",
        "eastholme-hwb-quarter-ticks",
    }
)

# --- 30. CSP action tracker kept in Excel: owner and deadline in one cell ------------------
# Ref (`1a`) | Priority (`I. Serious violence`, a Roman numeral, repeated on every row as a
# spreadsheet repeats it) | Action | Owner – deadline (`Jo Brown – 31/03/2026`) | Status words
# (legend in the text; `Not started` is not rated) | % complete | Comments. Light grey
# gridlines, white bold header on dark green.

_SALTMARSH_KEY: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Completed – action delivered", "Completed"),
    ("On track", "In progress – on track to meet the deadline", "In progress"),
    ("At risk", "Behind – at risk of missing the deadline", "Behind"),
    ("Overdue", "Overdue – the deadline has passed", "Overdue"),
)

SALTMARSH = Layout(
    stem="saltmarsh-csp-owner-deadline",
    title="Saltmarsh Community Safety Partnership (SCSP) Action Tracker 2025-26",
    key="SCSP 2025-26",
    workplan="Saltmarsh Community Safety Partnership Action Tracker",
    period="2025-26",
    shows="CSP action tracker kept in Excel: Ref (`1a`, `2c`) · Priority written on every row with a Roman numeral (`II. Domestic abuse`, not merged) · Action · one `Owner – deadline` cell (`Jo Brown – 31/03/2026`, `ASB Team Leader – Monthly`, one with a spaced hyphen) · Status words `Completed`/`In progress`/`Behind`/`Overdue` with a legend in the text, `Not started` not rated · `% complete` and `Comments` the register does not use; light grey gridlines, white on dark green header",
    intro=(
        "Last updated: 14/11/2025. Status: Completed – action delivered; In progress – on "
        "track to meet the deadline; Behind – at risk of missing the deadline; Overdue – the "
        "deadline has passed; Not started – work not yet begun (not rated).",
    ),
    columns=(
        Col("ref", "Ref", 1.3),
        Col("objective", "Priority", 3.6),
        Col("action", "Action", 8.6),
        Col("lead", "Owner – deadline", 5.2),
        Col("status", "Status", 2.4),
        Col("extra:0", "% complete", 1.8),
        Col("extra:1", "Comments", 3.8),
    ),
    priority_as="objective",
    status_as="word",
    status_key=_SALTMARSH_KEY,
    header_fill="375623",
    band_fill="FFFFFF",
    font_pt=9.0,
    builder="owner_deadline",
    groups=(
        Group(
            1,
            "I. Serious violence",
            "Serious violence",
            one(
                A(
                    "1a",
                    "Refresh the serious violence strategic needs assessment and publish a summary",
                    "Jo Brown",
                    "31/03/2026",
                    "2026-03-31",
                    "In progress",
                    extra=("60%", "Data sharing agreed with the ICB"),
                ),
                A(
                    "1b",
                    "Deliver weapons awareness sessions in all eleven secondary schools",
                    "Youth Justice Service Manager / Schools Safeguarding Lead",
                    "15/10/2025",
                    "2025-10-15",
                    "Completed",
                    leads=("Youth Justice Service Manager", "Schools Safeguarding Lead"),
                    extra=("100%", "All schools visited by 10 October"),
                ),
                A(
                    "1c",
                    "Set up a focused deterrence panel for young adults found carrying knives",
                    "Inspector Amy Shaw (MPS)",
                    "30/09/2025",
                    "2025-09-30",
                    "Overdue",
                    leads=("Amy Shaw",),
                    extra=("40%", "Terms of reference still in draft"),
                ),
            ),
        ),
        Group(
            2,
            "II. Domestic abuse",
            "Domestic abuse",
            one(
                A(
                    "2a",
                    "Recommission the domestic abuse outreach service for 2026-29",
                    "Domestic Abuse Coordinator",
                    "28/02/2026",
                    "2026-02-28",
                    "Behind",
                    extra=("25%", "Market engagement later than planned"),
                ),
                A(
                    "2b",
                    "Run a domestic homicide review learning event for frontline practitioners",
                    "DHR Panel Chair",
                    "TBC",
                    "To be agreed",
                    None,
                    extra=("0%", "Waiting for the Home Office to publish the review"),
                ),
                A(
                    "2c",
                    "Roll out routine enquiry about domestic abuse in the two urgent treatment centres",
                    "Saltmarsh ICB Safeguarding Lead",
                    "Q4 2025/26",
                    "2026-03-31",
                    "In progress",
                    extra=("50%", ""),
                ),
            ),
        ),
        Group(
            3,
            "III. Anti-social behaviour",
            "Anti-social behaviour",
            one(
                A(
                    "3a",
                    "Hold a multi-agency problem-solving meeting for each anti-social behaviour hotspot",
                    "ASB Team Leader",
                    "Monthly",
                    "Recurring",
                    "In progress",
                    extra=("n/a", "Meetings held every month since April"),
                ),
                A(
                    "3b",
                    "Review the Public Spaces Protection Order for the town centre before it expires",
                    "Community Safety Manager",
                    "20/01/2026",
                    "2026-01-20",
                    None,
                    extra=("0%", "Consultation to start in December"),
                ),
                A(
                    "3c",
                    "Publish a community safety newsletter with each neighbourhood's priorities",
                    "Partnership Communications Officer",
                    "Quarterly",
                    "Recurring",
                    "In progress",
                    extra=("n/a", ""),
                ),
                A(
                    "3d",
                    "Train licensed premises staff in the Ask for Angela scheme",
                    "Licensing Manager and Inspector Amy Shaw",
                    "31/12/2025",
                    "2025-12-31",
                    "Completed",
                    leads=("Licensing Manager", "Amy Shaw"),
                    extra=("100%", "86 staff trained"),
                ),
            ),
        ),
    ),
)

# --- 31. SAB delivery plan: sub-bullets each with their own lead in brackets -------------
# Band rows `Strategic priority N: ...`; Ref | What we will do | Lead | By when | RAG (shaded,
# colour key table above). Some rows: an opening line ending in `:` and bullets, each bullet
# ending in its own lead in brackets; the row's Lead cell says `See each item`, its By when
# and RAG are shared by the bullets.

_BRINDLEY_KEY: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Completed", "0070C0"),
    ("On track", "On track", "00B050"),
    ("At risk", "Some slippage", "FFC000"),
    ("Overdue", "Not achieved by the target date", "FF0000"),
)

_B_SCAMS = "Raise awareness of scams and financial abuse among older residents:"
_B_SAR = "Embed the learning from the Safeguarding Adults Review for Mr K:"
_B_PANEL = "Set up a lived experience panel for the Board:"

BRINDLEY = Layout(
    stem="brindley-sab-bracketed-leads",
    title="Brindley Safeguarding Adults Board (BSAB) Delivery Plan 2025-26",
    key="BSAB 2025-26",
    workplan="Brindley Safeguarding Adults Board Delivery Plan",
    period="2025-26",
    shows="SAB delivery plan with band rows `Strategic priority N: ...`; Ref · What we will do · Lead · By when · RAG shaded (colour key table); some rows an opening line ending in `:` over bullets that each end in their own lead in brackets (`(Trading Standards Manager, supported by Police Economic Crime Unit)`), the Lead cell `See each item`, By when and RAG shared",
    intro=(
        "This plan sets out what the Board's partners will deliver in 2025-26. Where an "
        "action has several parts, the lead for each part is shown in brackets.",
    ),
    columns=(
        Col("ref", "Ref", 1.4),
        Col("action", "What we will do", 14.0),
        Col("lead", "Lead", 5.0),
        Col("when", "By when", 3.0),
        Col("status", "RAG", 1.8),
    ),
    priority_as="band",
    status_as="fill",
    status_key=_BRINDLEY_KEY,
    header_fill="D9E2F3",
    band_fill="F2F2F2",
    builder="bracketed",
    groups=(
        Group(
            1,
            "Strategic priority 1: Prevent abuse and neglect before it happens",
            "Prevent abuse and neglect before it happens",
            (
                Row(
                    (
                        A(
                            "1.1",
                            "Publish a self-neglect and hoarding protocol for all partner agencies",
                            "Head of Adult Safeguarding",
                            "September 2025",
                            "2025-09-30",
                            "Complete",
                        ),
                    )
                ),
                Row(
                    (
                        A(
                            "1.2a",
                            f"{_B_SCAMS} Talks at every sheltered housing scheme",
                            "Brindley Homes Tenancy Services",
                            "March 2026",
                            "2026-03-31",
                            "At risk",
                        ),
                        A(
                            "1.2b",
                            f"{_B_SCAMS} A leaflet sent with every adult social care assessment letter",
                            "Adult Social Care Communications Lead",
                            "March 2026",
                            "2026-03-31",
                            "At risk",
                        ),
                        A(
                            "1.2c",
                            f"{_B_SCAMS} Joint visits with the police to repeat victims of doorstep crime",
                            "Trading Standards Manager, supported by Police Economic Crime Unit",
                            "March 2026",
                            "2026-03-31",
                            "At risk",
                            leads=("Trading Standards Manager",),
                            support=("Police Economic Crime Unit",),
                        ),
                    ),
                    mode="bulleted",
                    intro=_B_SCAMS,
                    ref="1.2",
                ),
                Row(
                    (
                        A(
                            "1.3",
                            "Agree a pathway for adults who fall between mental health and social care thresholds",
                            "Dr Priya Nair (Brindley ICB)",
                            "December 2025",
                            "2025-12-31",
                            "Overdue",
                            leads=("Priya Nair",),
                        ),
                    )
                ),
            ),
        ),
        Group(
            2,
            "Strategic priority 2: Learn from reviews and improve practice",
            "Learn from reviews and improve practice",
            (
                Row(
                    (
                        A(
                            "2.1a",
                            f"{_B_SAR} A seven-minute briefing for all partner staff",
                            "SAR Sub-group Chair",
                            "January 2026",
                            "2026-01-31",
                            "On track",
                        ),
                        A(
                            "2.1b",
                            f"{_B_SAR} Refresher sessions on professional curiosity for district nurses",
                            "Designated Nurse / Named GP",
                            "January 2026",
                            "2026-01-31",
                            "On track",
                            leads=("Designated Nurse", "Named GP"),
                        ),
                    ),
                    mode="bulleted",
                    intro=_B_SAR,
                    ref="2.1",
                ),
                Row(
                    (
                        A(
                            "2.2",
                            "Audit 25 section 42 enquiries for how the person's views were recorded",
                            "Quality Assurance Sub-group",
                            "Quarterly",
                            "Recurring",
                            "On track",
                        ),
                    )
                ),
                Row(
                    (
                        A(
                            "2.3",
                            "Publish the Board's annual report for 2024-25",
                            "Board Business Manager",
                            "October 2025",
                            "2025-10-31",
                            "Complete",
                        ),
                    )
                ),
            ),
        ),
        Group(
            3,
            "Strategic priority 3: Hear the voice of people with lived experience",
            "Hear the voice of people with lived experience",
            (
                Row(
                    (
                        A(
                            "3.1a",
                            f"{_B_PANEL} Recruit ten members through Healthwatch and carers' groups",
                            "Healthwatch Brindley",
                            "Spring 2026",
                            "2026-05-31",
                            None,
                        ),
                        A(
                            "3.1b",
                            f"{_B_PANEL} Agree terms of reference and payment for members",
                            "Board Business Manager",
                            "Spring 2026",
                            "2026-05-31",
                            None,
                        ),
                    ),
                    mode="bulleted",
                    intro=_B_PANEL,
                    ref="3.1",
                ),
            ),
        ),
    ),
)

# --- 32. HWB delivery plan: Q1..Q4 tick columns, a target date and quarterly RAG columns ---
# Band rows `Ambition N – ...`; two-row header: Ref | Action | Lead officer | `Timescale`
# over Q1 Q2 Q3 Q4 (ticks) | Target date | `RAG rating` over Q1 Q2 Q3 Q4 (shaded cells, Q3 and
# Q4 not yet rated). The latest rating is the status (the document says so). ``extra`` holds
# the ticked quarters (`1-3`) and the Q1 and Q2 ratings as statuses.

_EASTHOLME_KEY: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Blue – complete", "5B9BD5"),
    ("On track", "Green – on track", "92D050"),
    ("At risk", "Amber – at risk", "FFC000"),
    ("Overdue", "Red – overdue or off track", "FF0000"),
)

EASTHOLME = Layout(
    stem="eastholme-hwb-quarter-ticks",
    title="Eastholme Health and Wellbeing Board (EHWB) Joint Delivery Plan 2025-26",
    key="EHWB 2025-26",
    workplan="Eastholme Health and Wellbeing Board Joint Delivery Plan",
    period="2025-26",
    shows="HWB delivery plan with band rows `Ambition N – ...`; a two-row header with `Timescale` over `Q1`..`Q4` tick columns (✓) and a separate `Target date`, then `RAG rating` over another `Q1`..`Q4`, shaded per quarter (Q3, Q4 not yet rated; the latest rating is the status, by the sentence above); colour key as a small table of coloured cells",
    intro=(
        "Ticks show the quarters of 2025/26 in which the work takes place. Each action is "
        "RAG rated at the end of every quarter; the latest rating is its current status.",
    ),
    columns=(
        Col("ref", "Ref", 1.2),
        Col("action", "Action", 8.6),
        Col("lead", "Lead officer", 4.4),
        Col("qtr:1", "Q1", 1.0, "Timescale"),
        Col("qtr:2", "Q2", 1.0, "Timescale"),
        Col("qtr:3", "Q3", 1.0, "Timescale"),
        Col("qtr:4", "Q4", 1.0, "Timescale"),
        Col("when", "Target date", 2.8),
        Col("rag:1", "Q1", 1.1, "RAG rating"),
        Col("rag:2", "Q2", 1.1, "RAG rating"),
        Col("rag:3", "Q3", 1.1, "RAG rating"),
        Col("rag:4", "Q4", 1.1, "RAG rating"),
    ),
    priority_as="band",
    status_as="fill",
    status_key=_EASTHOLME_KEY,
    header_fill="FBE4D5",
    band_fill="FFF2CC",
    builder="quarter_ticks",
    groups=(
        Group(
            1,
            "Ambition 1 – Every child has the best start in life",
            "Every child has the best start in life",
            one(
                A(
                    "1.1",
                    "Extend the perinatal mental health peer support service to the two family hubs in the north of the borough",
                    "Head of Public Health Nursing",
                    "December 2025",
                    "2025-12-31",
                    "On track",
                    extra=("1-3", "On track", "On track"),
                ),
                A(
                    "1.2",
                    "Increase the take-up of funded childcare for two-year-olds to 80%",
                    "Early Years Manager",
                    "March 2026",
                    "2026-03-31",
                    "On track",
                    extra=("1-4", "At risk", "On track"),
                ),
                A(
                    "1.3",
                    "Publish an oral health improvement plan for children under five",
                    "Consultant in Public Health (Children)",
                    "September 2025",
                    "2025-09-30",
                    "Complete",
                    leads=("Consultant in Public Health",),
                    extra=("2-2", "On track", "Complete"),
                ),
            ),
        ),
        Group(
            2,
            "Ambition 2 – People live well and stay well",
            "People live well and stay well",
            one(
                A(
                    "2.1",
                    "Commission a tier 2 adult weight management service",
                    "Public Health Commissioning Manager",
                    "30 September 2025",
                    "2025-09-30",
                    "Overdue",
                    extra=("1-2", "On track", "Overdue"),
                ),
                A(
                    "2.2",
                    "Deliver NHS Health Checks in the ten workplaces with the most routine and manual workers",
                    "Health Improvement Lead / Eastholme ICB",
                    "March 2026",
                    "2026-03-31",
                    "At risk",
                    leads=("Health Improvement Lead", "Eastholme ICB"),
                    extra=("2-4", "", "At risk"),
                ),
                A(
                    "2.3",
                    "Build a network of social prescribing link workers across every primary care network",
                    "Director of Primary Care (Eastholme ICB)",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                    leads=("Director of Primary Care",),
                    extra=("1-4", "On track", "On track"),
                ),
                A(
                    "2.4",
                    "Review the joint strategic needs assessment chapter on alcohol",
                    "JSNA Lead",
                    "February 2026",
                    "2026-02-28",
                    None,
                    extra=("3-4", "", ""),
                ),
            ),
        ),
        Group(
            3,
            "Ambition 3 – Older people age well at home",
            "Older people age well at home",
            one(
                A(
                    "3.1",
                    "Expand the falls response service to cover evenings and weekends",
                    "Director of Adult Social Care",
                    "August 2025",
                    "2025-08-31",
                    "Complete",
                    extra=("1-2", "At risk", "Complete"),
                ),
                A(
                    "3.2",
                    "Offer a winter warmth home visit to every resident aged 75 and over who lives alone",
                    "Age UK Eastholme",
                    "January 2026",
                    "2026-01-31",
                    "On track",
                    extra=("2-4", "", "On track"),
                ),
                A(
                    "3.3",
                    "Agree a single discharge to assess pathway with Eastholme Hospitals Trust",
                    "Integrated Care Director",
                    "TBC",
                    "To be agreed",
                    "At risk",
                    extra=("1-4", "Overdue", "At risk"),
                ),
            ),
        ),
    ),
)

LAYOUTS = (*LAYOUTS, SALTMARSH, BRINDLEY, EASTHOLME)


# === The sixth held-out set (HOLDOUT_6): shapes none of the thirty-two has =================
# Built by make_holdout6.py. Written by someone who had not read parsers/, normalise/,
# ingest/ or output/; the register fields below were typed by hand, by REGISTER.md, and
# copied into expected/ before the program was first run on them.

HOLDOUT_6 = frozenset(
    {
        "quarrydale-sab-lead-agency",
        "ferrybridge-csp-lead-support",
        "ashcombe-cp-auto-numbered",
    }
)

# --- 33. SAB business plan: `Lead agency` beside `Named lead`, G/A/R/B letters ---------------
# Strategic priority (merged down, `Priority 1` over its name on a second line) | Ref codes
# `P1-A3` | What we will do | Lead agency | Named lead (`Sarah Pike, Principal Social Worker`;
# two cells left as the template's `Click or tap here to enter text.` placeholder) | Timescale
# (`Quarterly`, `Annual (each March)`, `Every Board meeting`, `Sept 2025`) | RAG letters in
# cells shaded that colour, `B` for completed, explained by a key table after the table.
# ``extra`` is (Lead agency cell, Named lead cell); an empty Named lead is the placeholder,
# and the agency is then the lead as written.

_QUARRYDALE_KEY: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Completed", "B"),
    ("On track", "On track – on course to deliver within the timescale", "G"),
    ("At risk", "Some slippage – at risk of missing the timescale", "A"),
    ("Overdue", "Off track – the timescale has been missed", "R"),
)

_ASC = "Adult Social Care"
_QBU = "QSAB Business Unit"
_PIKE = "Sarah Pike, Principal Social Worker"
_DOYLE = "Karen Doyle, Board Manager"

QUARRYDALE = Layout(
    stem="quarrydale-sab-lead-agency",
    title="Quarrydale Safeguarding Adults Board (QSAB) Business Plan 2025-26",
    key="QSAB 2025-26",
    workplan="Quarrydale Safeguarding Adults Board Business Plan",
    period="2025-26",
    shows="SAB business plan: Strategic priority merged down as the first column (`Priority 1` over its name) · Ref codes `P1-A3` · What we will do · a `Lead agency` and `Named lead` column pair (`Sarah Pike, Principal Social Worker`; two Named lead cells still the template's `Click or tap here to enter text.`) · Timescale with recurring words (`Quarterly`, `Annual (each March)`, `Every Board meeting`) · RAG letters `B`/`G`/`A`/`R` in shaded cells, the key a table after the plan; `OFFICIAL` page header, page-numbered footer",
    intro=(
        "This plan sets out what the Board's partners will do in 2025-26, the second year of "
        "the Strategic Plan 2024-27. Progress is reported to every Board meeting; the RAG "
        "key is at the end of the plan.",
    ),
    columns=(
        Col("objective", "Strategic priority", 3.4),
        Col("ref", "Ref", 1.6),
        Col("action", "What we will do", 9.4),
        Col("extra:0", "Lead agency", 3.4),
        Col("lead", "Named lead", 3.9),
        Col("when", "Timescale", 2.8),
        Col("status", "RAG", 1.2),
    ),
    priority_as="objective",
    status_as="letter",
    status_key=_QUARRYDALE_KEY,
    page_header="OFFICIAL",
    header_fill="1F3864",
    band_fill="DEEAF6",
    builder="lead_agency",
    groups=(
        Group(
            1,
            "Priority 1\nMaking Safeguarding Personal",
            "Making Safeguarding Personal",
            one(
                A(
                    "P1-A1",
                    "Audit a sample of section 42 enquiries every quarter for evidence that the "
                    "person's desired outcomes were asked about, recorded and met",
                    _PIKE,
                    "Quarterly",
                    "Recurring",
                    "G",
                    leads=("Sarah Pike",),
                    extra=(_ASC, _PIKE),
                ),
                A(
                    "P1-A2",
                    "Publish easy read versions of the Board's safeguarding leaflets, co-produced "
                    "with Quarrydale People First",
                    _QBU,
                    "Sept 2025",
                    "2025-09-30",
                    "B",
                    extra=(_QBU, ""),
                ),
                A(
                    "P1-A3",
                    "Survey adults and their carers after a safeguarding enquiry ends and report "
                    "what they tell us to the Board",
                    "Dev Mistry",
                    "Annual (each March)",
                    "Recurring",
                    "A",
                    extra=("Healthwatch Quarrydale", "Dev Mistry"),
                ),
                A(
                    "P1-A4",
                    "Train independent advocates and care home managers in Making Safeguarding "
                    "Personal conversations",
                    _PIKE,
                    "Dec 2025",
                    "2025-12-31",
                    "G",
                    leads=("Sarah Pike",),
                    extra=(_ASC, _PIKE),
                ),
            ),
        ),
        Group(
            2,
            "Priority 2\nPrevention and early intervention",
            "Prevention and early intervention",
            one(
                A(
                    "P2-A1",
                    "Deliver self-neglect and hoarding awareness sessions to housing officers and "
                    "fire crews",
                    "Lee Carter",
                    "Ongoing",
                    "Ongoing",
                    "G",
                    extra=("Quarrydale Fire and Rescue Service", "Lee Carter"),
                ),
                A(
                    "P2-A2",
                    "Set up a multi-agency risk management meeting for adults who repeatedly "
                    "decline care and support",
                    "Mark Ellis, Head of Safeguarding",
                    "Dec 2025",
                    "2025-12-31",
                    "R",
                    leads=("Mark Ellis",),
                    extra=(_ASC, "Mark Ellis, Head of Safeguarding"),
                ),
                A(
                    "P2-A3",
                    "Promote the Board's financial abuse and scams campaign in GP surgeries and "
                    "community pharmacies",
                    "Dr Helen Shaw / Rob Kane",
                    "Jan 2026",
                    "2026-01-31",
                    "A",
                    leads=("Helen Shaw", "Rob Kane"),
                    extra=("NHS Quarrydale ICB", "Dr Helen Shaw / Rob Kane"),
                ),
                A(
                    "P2-A4",
                    "Visit every resident referred as a repeat victim of doorstep crime, jointly "
                    "with the police",
                    "Trading Standards",
                    "Quarterly",
                    "Recurring",
                    "G",
                    extra=("Trading Standards", ""),
                ),
            ),
        ),
        Group(
            3,
            "Priority 3\nLearning from Safeguarding Adults Reviews",
            "Learning from Safeguarding Adults Reviews",
            one(
                A(
                    "P3-A1",
                    "Publish the Safeguarding Adults Review for 'Adult D' and hold a learning "
                    "event for practitioners",
                    _DOYLE,
                    "Oct 2025",
                    "2025-10-31",
                    "B",
                    leads=("Karen Doyle",),
                    extra=(_QBU, _DOYLE),
                ),
                A(
                    "P3-A2",
                    "Track every SAR action plan to completion at the Case Review Group",
                    "Detective Chief Inspector Amy Ward",
                    "Every Board meeting",
                    "Recurring",
                    "G",
                    leads=("Amy Ward",),
                    extra=("Quarrydale Police", "Detective Chief Inspector Amy Ward"),
                ),
                A(
                    "P3-A3",
                    "Deliver seven-minute briefings on the themes of the 2024 reviews: professional "
                    "curiosity, transitions and self-neglect",
                    _DOYLE,
                    "Mar 2026",
                    "2026-03-31",
                    None,
                    leads=("Karen Doyle",),
                    extra=(_QBU, _DOYLE),
                ),
            ),
        ),
        Group(
            4,
            "Priority 4\nAssurance and accountability",
            "Assurance and accountability",
            one(
                A(
                    "P4-A1",
                    "Complete the annual safeguarding adults self-assessment with every statutory "
                    "partner and hold a challenge event",
                    _DOYLE,
                    "Annual",
                    "Recurring",
                    "A",
                    leads=("Karen Doyle",),
                    extra=(_QBU, _DOYLE),
                ),
                A(
                    "P4-A2",
                    "Report the safeguarding performance dashboard, with a commentary, to the Board",
                    "Performance & Intelligence Manager",
                    "Every Board meeting",
                    "Recurring",
                    "G",
                    extra=(_ASC, "Performance & Intelligence Manager"),
                ),
            ),
        ),
    ),
)

# --- 34. CSP delivery plan: `Lead: X; Support: Y` in one cell, status opening the update ------
# Band rows of two cells: `Priority N` in the Ref column, the priority's name merged across the
# rest. Ref | Action | Lead / Support (`Lead: ...; Support: ...`, or on two lines) | Target date
# written `31.12.25`, `Q3 25/26`, `Sept 25`, `End Nov 25` | Success measure (not a register
# field) | Progress update (Q2) whose first word is the RAG status (`GREEN – ...`,
# `AMBER: ...`, one `Green – ...`), coloured, the key a sentence above; `Not yet started`
# is not rated. ``extra`` is (success measure, progress update).

_FERRYBRIDGE_KEY: tuple[tuple[Status, str, str], ...] = (
    ("On track", "GREEN – on track", "GREEN"),
    ("At risk", "AMBER – some slippage, recovery action in place", "AMBER"),
    ("Overdue", "RED – off track, the target date has been or will be missed", "RED"),
    ("Complete", "COMPLETE – the action has been delivered", "COMPLETE"),
)

FERRYBRIDGE = Layout(
    stem="ferrybridge-csp-lead-support",
    title="Ferrybridge Community Safety Partnership (FCSP) Delivery Plan 2025-26",
    key="FCSP 2025-26",
    workplan="Ferrybridge Community Safety Partnership Delivery Plan",
    period="2025-26",
    shows="CSP delivery plan: band rows of two cells (`Priority 1` in the Ref column, the name merged across the rest); Ref · Action · one `Lead / Support` cell (`Lead: Community Safety Manager; Support: Ferrybridge Police, Public Health`, some on two lines, one `Lead: TBC`) · Target date as `31.12.25`, `Q3 25/26`, `Sept 25`, `End Nov 25` · a `Success measure` the register does not use · `Progress update (Q2)` whose coloured first word is the RAG status (`GREEN – ...`, `AMBER: ...`), the key a sentence above, `Not yet started` not rated",
    intro=(
        "Update for the Partnership Board, 4 December 2025. RAG status key: GREEN – on track; "
        "AMBER – some slippage, recovery action in place; RED – off track, the target date "
        "has been or will be missed; COMPLETE – the action has been delivered.",
    ),
    columns=(
        Col("ref", "Ref", 1.9),
        Col("action", "Action", 7.6),
        Col("lead", "Lead / Support", 5.0),
        Col("when", "Target date", 2.3),
        Col("extra:0", "Success measure", 3.9),
        Col("status", "Progress update (Q2)", 6.0),
    ),
    priority_as="band",
    status_as="word",
    status_key=_FERRYBRIDGE_KEY,
    header_fill="DDEBF7",
    band_fill="1F4E78",
    font_pt=9.0,
    builder="lead_support",
    groups=(
        Group(
            1,
            "Reduce serious violence and knife crime",
            "Reduce serious violence and knife crime",
            one(
                A(
                    "1.1",
                    "Refresh the Serious Violence Duty strategic needs assessment with 2024-25 data",
                    "Lead: Community Safety Manager; Support: Ferrybridge Police, Public Health",
                    "31.12.25",
                    "2025-12-31",
                    "GREEN",
                    leads=("Community Safety Manager",),
                    support=("Ferrybridge Police", "Public Health"),
                    extra=(
                        "Assessment signed off by the FCSP Board",
                        "GREEN – data received from all partners; draft to the November Board.",
                    ),
                ),
                A(
                    "1.2",
                    "Carry out test purchases of knives at every retailer in the borough",
                    "Lead: Insp. Dan Price (Ferrybridge Police)\nSupport: Trading Standards",
                    "Q3 25/26",
                    "2025-12-31",
                    "AMBER",
                    leads=("Dan Price",),
                    support=("Trading Standards",),
                    extra=(
                        "All 38 retailers tested",
                        "AMBER – 21 of 38 retailers tested; two officers redeployed to summer "
                        "operations.",
                    ),
                ),
                A(
                    "1.3",
                    "Offer every young person arrested for a weapons offence a youth worker in "
                    "custody",
                    "Lead: Youth Justice Service Manager",
                    "Monthly review",
                    "Recurring",
                    "GREEN",
                    leads=("Youth Justice Service Manager",),
                    extra=(
                        "Take-up above 70%",
                        "GREEN – 14 of 17 young people took up the offer this quarter.",
                    ),
                ),
                A(
                    "1.4",
                    "Install three bleed control kits in the town centre night-time economy area",
                    "Lead: Town Centre Manager; Support: Ferrybridge BID, St John Ambulance",
                    "30.09.25",
                    "2025-09-30",
                    "COMPLETE",
                    leads=("Town Centre Manager",),
                    support=("Ferrybridge BID", "St John Ambulance"),
                    extra=(
                        "Kits installed and registered",
                        "COMPLETE – kits installed 12.09.25 and registered with the ambulance "
                        "service.",
                    ),
                ),
            ),
        ),
        Group(
            2,
            "Tackle domestic abuse and violence against women and girls",
            "Tackle domestic abuse and violence against women and girls",
            one(
                A(
                    "2.1",
                    "Recommission the community domestic abuse outreach service from April 2026",
                    "Lead: Domestic Abuse Coordinator; Support: Procurement, Ferrybridge Homes",
                    "31.03.26",
                    "2026-03-31",
                    "GREEN",
                    leads=("Domestic Abuse Coordinator",),
                    support=("Procurement", "Ferrybridge Homes"),
                    extra=(
                        "Contract awarded",
                        "Green – tender published on time; evaluation in January.",
                    ),
                ),
                A(
                    "2.2",
                    "Deliver Domestic Abuse Matters training to 200 frontline police officers and "
                    "housing staff",
                    "Lead: Domestic Abuse Coordinator\nSupport: Police Training Unit",
                    "Sept 25",
                    "2025-09-30",
                    "RED",
                    leads=("Domestic Abuse Coordinator",),
                    support=("Police Training Unit",),
                    extra=(
                        "200 staff trained",
                        "RED – 96 staff trained; trainer post vacant since July. New date of "
                        "31.01.26 proposed.",
                    ),
                ),
                A(
                    "2.3",
                    "Run the White Ribbon campaign, including the 16 days of action",
                    "Lead: Partnership Communications Officer; Support: Ferrybridge College, "
                    "Ferrybridge Council HR",
                    "End Nov 25",
                    "2025-11-30",
                    "GREEN",
                    leads=("Partnership Communications Officer",),
                    support=("Ferrybridge College", "Ferrybridge Council HR"),
                    extra=(
                        "Campaign reach across partner staff",
                        "GREEN – programme of 16 events agreed with partners.",
                    ),
                ),
            ),
        ),
        Group(
            3,
            "Reduce anti-social behaviour and build confident communities",
            "Reduce anti-social behaviour and build confident communities",
            one(
                A(
                    "3.1",
                    "Hold a problem-solving meeting for each of the five anti-social behaviour "
                    "hotspots",
                    "Lead: ASB Team Leader; Support: Ferrybridge Homes, Ferrybridge Police",
                    "Quarterly",
                    "Recurring",
                    "GREEN",
                    leads=("ASB Team Leader",),
                    support=("Ferrybridge Homes", "Ferrybridge Police"),
                    extra=(
                        "Reports of ASB in the hotspots down 10%",
                        "GREEN – all five meetings held in Q2.",
                    ),
                ),
                A(
                    "3.2",
                    "Consult on a Public Spaces Protection Order for the riverside",
                    "Lead: TBC; Support: Licensing",
                    "TBC – subject to Cabinet decision",
                    "To be agreed",
                    "AMBER",
                    leads=("Unassigned",),
                    support=("Licensing",),
                    extra=(
                        "Consultation report to Cabinet",
                        "AMBER: lead officer not yet identified; item deferred to the January "
                        "Board.",
                    ),
                ),
                A(
                    "3.3",
                    "Set up a community trigger review panel with an independent chair",
                    "Lead: Community Safety Manager",
                    "Ongoing",
                    "Ongoing",
                    None,
                    leads=("Community Safety Manager",),
                    extra=(
                        "Panel meets within 28 days of each request",
                        "Not yet started – due to begin in Q4.",
                    ),
                ),
            ),
        ),
    ),
)

# --- 35. Children's partnership sub-group: ids from Word's list numbering, RAG on Timeframe ----
# As the seeds: a colour key table (`Action Complete` ... `Action Overdue`), Impact (merged) |
# Action | Cross-Cutting Themes (footnote) | Lead | Timeframe. The `1.` of each Impact and the
# `1.1` of each Action are Word's multilevel list numbering, not text in the .docx (LibreOffice
# and the HTML print them). No status column: the Timeframe cell is shaded by the key (one
# unshaded, one empty but shaded, its timeframe inside the action text). The first Impact is
# a sentence repeated and cut off mid-word. Partnership name in the page header. ``extra`` is
# (the Cross-Cutting Themes cell as written,).

_ASHCOMBE_KEY: tuple[tuple[Status, str, str], ...] = (
    ("Complete", "Action Complete", "00B0F0"),
    ("On track", "Action on Track", "92D050"),
    ("At risk", "Action at Risk", "FFC000"),
    ("Overdue", "Action Overdue", "FF0000"),
)

_LFR = "Learning from reviews & embedding reforms"
_VOICE = "Voice of CYP and families"
_LISG = "Learning and Improvement Sub-Group"
_TRAINING = "Training Coordinator (ASCP)"

ASHCOMBE = Layout(
    stem="ashcombe-cp-auto-numbered",
    title="LEARNING AND IMPROVEMENT SUB-GROUP (LISG) WORKPLAN 2025-26",
    key="LISG 2025-26",
    workplan="Learning and Improvement Sub-Group Workplan",
    period="2025-26",
    shows="Children's partnership sub-group workplan in the seeds' shape (Impact merged · Action · Cross-Cutting Themes with a footnote · Lead · Timeframe) whose `1.` and `1.1` numbers are Word's multilevel list numbering, absent from the .docx text; no status column: the Timeframe cell is shaded by the colour key (`Action Complete` ... `Action Overdue`); one impact repeated and cut off mid-word; partnership name in the page header",
    intro=("RAG rating: the colour of each Timeframe cell shows the action's progress.",),
    columns=(
        Col("objective", "Impact – what will success look like?", 6.0),
        Col("action", "Action – what we will do to achieve this", 9.2),
        Col("extra:0", "Cross-Cutting Themes", 4.3),
        Col("lead", "Lead", 4.2),
        Col("when", "Timeframe", 3.0),
    ),
    priority_as="objective",
    status_as="fill",
    status_key=_ASHCOMBE_KEY,
    page_header="Ashcombe Safeguarding Children Partnership",
    header_fill="D9D9D9",
    builder="auto_numbered",
    groups=(
        Group(
            1,
            "Partners learn from local and national child safeguarding practice reviews and can "
            "show how practice has changed as a result.",
            "Partners learn from local and national child safeguarding practice reviews and can "
            "show how practice has changed as a result.",
            one(
                A(
                    "1.1",
                    "Publish a seven-minute briefing and hold a practitioner learning event for "
                    "each local child safeguarding practice review once it is signed off",
                    "Full Sub-Group",
                    "Ad-hoc",
                    "Ad hoc",
                    "On track",
                    leads=(_LISG,),
                    themes=(_LFR,),
                    extra=(_LFR,),
                ),
                A(
                    "1.2",
                    "Track the actions from the Child Q and Child T rapid reviews until every "
                    "action is evidenced as complete\nProgress to be reported by each agency's "
                    "safeguarding lead.",
                    "Priya Das (ASCP Business Unit)",
                    "Quarterly",
                    "Recurring",
                    "On track",
                    leads=("Priya Das",),
                    themes=(_LFR,),
                    extra=(_LFR,),
                ),
                A(
                    "1.3",
                    "Review what the national panel's review of children with disabilities in "
                    "residential settings means for Ashcombe's short breaks provision",
                    "Head of Disabled Children's Service / Designated Nurse",
                    "Autumn 2025",
                    "2025-11-30",
                    "At risk",
                    leads=("Head of Disabled Children's Service", "Designated Nurse"),
                    themes=(_LFR, "Addressing disproportionality"),
                    extra=(f"{_LFR}; Addressing disproportionality",),
                ),
                A(
                    "1.4",
                    "Refresh the partnership's learning and improvement framework (December 2025)",
                    "Priya Das with support from Mark Oduya",
                    "December 2025",  # written in the action text; the Timeframe cell is empty
                    "2025-12-31",
                    "Overdue",
                    leads=("Priya Das",),
                    support=("Mark Oduya",),
                    extra=("",),
                ),
            ),
        ),
        Group(
            2,
            "The partnership knows how well children are safeguarded through a programme of "
            "multi-agency audits whose findings lead to change.",
            "The partnership knows how well children are safeguarded through a programme of "
            "multi-agency audits whose findings lead to change.",
            one(
                A(
                    "2.1",
                    "Deliver the multi-agency audit programme: neglect (Q1), domestic abuse (Q3) "
                    "and children missing education (Q4)",
                    "Multi-Agency Audit Group",
                    "March 2026",
                    "2026-03-31",
                    "On track",
                    themes=("Think Family",),
                    extra=("Think family",),
                ),
                A(
                    "2.2",
                    "Involve young people and parents in each audit through a conversation with "
                    "the family after the case is audited",
                    "Independent Scrutineer & Young Scrutineers",
                    "TBC",
                    "To be agreed",
                    "At risk",
                    leads=("Independent Scrutineer", "Young Scrutineers"),
                    themes=(_VOICE, "Think Family"),
                    extra=(f"{_VOICE}; Think Family",),
                ),
                A(
                    "2.3",
                    "Report audit findings and the agencies' responses to the Partnership "
                    "Executive",
                    "LISG Chair",
                    "6-monthly",
                    "Recurring",
                    "Complete",
                    extra=("",),
                ),
            ),
        ),
        Group(
            3,
            "Practitioners across the partnership have the knowledge and skills to recognise "
            "and respond to harm, including harm outside the home.",
            "Practitioners across the partnership have the knowledge and skills to recognise "
            "and respond to harm, including harm outside the home.",
            one(
                A(
                    "3.1",
                    "Commission multi-agency training on adultification and its effect on Black "
                    "children",
                    _TRAINING,
                    "Jan 2026",
                    "2026-01-31",
                    "On track",
                    leads=("Training Coordinator",),
                    themes=("Addressing disproportionality", _LFR),
                    extra=(f"Addressing disproportionality; {_LFR}",),
                ),
                A(
                    "3.2",
                    "Evaluate the neglect toolkit training through a survey of practitioners "
                    "three months after each course",
                    _TRAINING,
                    "By end of March 2026",
                    "2026-03-31",
                    None,
                    leads=("Training Coordinator",),
                    themes=("Think Family",),
                    extra=("Think Family",),
                ),
                A(
                    "3.3",
                    "Refresh the training offer on supporting families facing the rising cost of "
                    "living",
                    "Full Sub-Group",
                    "Ongoing",
                    "Ongoing",
                    "On track",
                    leads=(_LISG,),
                    themes=("Pressures on families",),
                    extra=("Pressures on families",),
                ),
            ),
        ),
    ),
)

LAYOUTS = (*LAYOUTS, QUARRYDALE, FERRYBRIDGE, ASHCOMBE)
