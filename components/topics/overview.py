"""Pure computations for the Overview page: key numbers, timeline and agreements filters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from components.core import i18n, pages
from components.core.formatting import day_label, figure_phrase, fmt_bn, fmt_pct_change
from components.core.i18n import mark, tr
from components.core.params import ChoiceParam, MultiChoiceParam
from components.core.schemas import AGREEMENT_STATUSES, DOMAINS, UNSIGNED, figure
from components.topics import defence, mobility, status, trade

PERIODS = {
    "all": ("All years", None, None),
    "2024-2026": ("2024 to 2026", "2024-01-01", None),
    "summit-weeks": ("November–December 2025", "2025-11-01", "2025-12-31"),
}
PERIOD_AXIS_FORMATS = {"all": "%Y", "2024-2026": "%b %Y", "summit-weeks": "%-d %b"}


@dataclass(frozen=True)
class KeyNumber:
    """A headline figure for the Overview, taken from the same data row its page shows."""

    label: str  # short enough to fit a card on a phone, the period always in it
    value: str
    source_id: str
    page: pages.PageInfo
    wording: str = ""  # the figure as its source words it, where the card shortens it

    @property
    def said(self) -> str:
        """The figure in a line of text: as its source words it, else the card's label and value."""
        return self.wording or f"{self.label}: {self.value}"


@dataclass(frozen=True)
class FirstScreen:
    """What a page's first screen says: its short title, its finding (Markdown) with the finding's sources, and its
    key numbers. The page draws it; the server sends the same as HTML, readable before any JavaScript runs."""

    title: str
    finding: str
    sources: str  # the source ids the finding rests on ('' for none)
    cards: tuple[KeyNumber, ...] = ()
    contents: tuple[str, ...] = ()  # its sections' short names, in order, for the contents line under its title
    answer: dict | None = None  # the what-if's answer to a link's scenario (``what_if.answer``), in its place

    def sections_note(self) -> str:
        """In Hindi or Russian, the line under a story page's first screen (not the what-if's answer, translated
        whole) saying what is still in English (the detail inside its sections, the data's own words); ''
        otherwise."""
        return tr(DETAILS_IN_ENGLISH) if self.answer is None and i18n.current() != i18n.DEFAULT else ""


DETAILS_IN_ENGLISH = mark(
    "Details inside the sections and words from the data are in English for now; sources keep their own language."
)


def in_order(present, order: tuple[str, ...]) -> tuple[str, ...]:
    """The values present, in the catalogue's order."""
    present = set(present)
    return tuple(v for v in order if v in present)


def overview_params(timeline: pd.DataFrame, agreements: pd.DataFrame) -> dict[str, MultiChoiceParam | ChoiceParam]:
    """The Overview's URL parameters; options are the domains and statuses the data holds."""
    timeline_domains = in_order(timeline["domain"], DOMAINS)
    agreement_domains = in_order(agreements["domain"], DOMAINS)
    statuses = in_order(agreements["status"], AGREEMENT_STATUSES)
    return {
        "timeline_domain": MultiChoiceParam(
            "timeline_domain",
            "Domain",
            timeline_domains,
            timeline_domains,
            widget="pills",
            help="The fields whose events the timeline shows.",
            translated=True,
        ),
        "timeline_period": ChoiceParam(
            "timeline_period",
            "Period",
            tuple(PERIODS),
            "2024-2026",
            widget="segmented",
            words=tuple(words for words, _, _ in PERIODS.values()),
            help="The years the timeline spans.",
            translated=True,
        ),
        "agreement_domain": MultiChoiceParam(
            "agreement_domain",
            "Domain",
            agreement_domains,
            agreement_domains,
            widget="pills",
            help="The fields whose agreements the table lists.",
            translated=True,
        ),
        "agreement_status": MultiChoiceParam(
            "agreement_status",
            "Status",
            statuses,
            statuses,
            widget="pills",
            help="Where the agreements stand now: signed, in force, and so on.",
            translated=True,
        ),
    }


def timeline_view(timeline: pd.DataFrame, domains: tuple[str, ...], period: str) -> pd.DataFrame:
    """The events of the chosen domains and period in date order, with a readable date and a number that labels
    each one on the chart and in the list under it."""
    _, start, end = PERIODS[period]
    chosen = timeline[timeline["domain"].isin(domains)]
    if start:
        chosen = chosen[chosen["when"] >= pd.Timestamp(start)]
    if end:
        chosen = chosen[chosen["when"] <= pd.Timestamp(end)]
    chosen = chosen.sort_values("when", kind="stable")
    labels = [day_label(w, p) for w, p in zip(chosen["when"], chosen["precision"], strict=True)]
    return chosen.assign(date_label=labels, number=range(1, len(chosen) + 1)).reset_index(drop=True)


LABELS_ACROSS, CHARACTERS_PER_SLOT = 12, 4
"""How many number labels fit across the timeline on a phone, and how many characters each one's slot holds: in
one domain's row, events closer than a slot share one label, and labels whose texts would meet on a phone alternate
above and below the points."""


LONGEST_LABEL = 9
"""The most characters a run's label takes ('41, 42, 43'); a longer run shows its first and last ('41–54')."""


def number_label(numbers: list[int]) -> str:
    """The numbers of a run of events as its label: '3', '6, 7', or, when the list would crowd a phone's row, the
    first and last number ('41–54'; the list under the chart names every event between)."""
    listed = ", ".join(str(n) for n in numbers)
    return listed if len(listed) <= LONGEST_LABEL else f"{numbers[0]}–{numbers[-1]}"


def timeline_labels(events: pd.DataFrame) -> pd.DataFrame:
    """The timeline's number labels: one per run of close events in a domain ("11, 12, 22"), at the run's middle
    date, so the numbers of events days apart do not print over each other; a label near the one before it in its
    row goes below the points when that one is above. Columns: domain, when, numbers, above."""
    span = max(events["when"].max() - events["when"].min(), pd.Timedelta(days=1))
    close = span / LABELS_ACROSS
    runs: list[list] = []
    for _, row in events.sort_values(["domain", "when"], kind="stable").iterrows():
        if runs and runs[-1][0]["domain"] == row["domain"] and row["when"] - runs[-1][0]["when"] <= close:
            runs[-1].append(row)
        else:
            runs.append([row])
    labels = []
    for run in runs:
        when = run[0]["when"] + (run[-1]["when"] - run[0]["when"]) / 2
        before = labels[-1] if labels and labels[-1]["domain"] == run[0]["domain"] else None
        numbers = number_label(sorted(r["number"] for r in run))
        reach = (len(before["numbers"]) + len(numbers) + 2) / (2 * CHARACTERS_PER_SLOT) if before else 0
        near = before is not None and before["above"] and when - before["when"] <= reach * close
        labels.append({"domain": run[0]["domain"], "when": when, "numbers": numbers, "above": not near})
    return pd.DataFrame(labels)


def signed_summary(agreements: pd.DataFrame) -> str:
    """How many agreements were signed (or went further) and their three commonest domains, in words: '14
    agreements, on trade, mobility, connectivity and more'."""
    done = agreements[~agreements["status"].isin(UNSIGNED)]
    top = [tr(DOMAIN_WORDS.get(d, d)) for d in done["domain"].value_counts().index[:3]]
    return tr("{count} agreements, on {domains} and more").format(count=len(done), domains=", ".join(top))


DOMAIN_WORDS = {
    "health & food": mark("health and food safety"),
    "culture & media": mark("media and academic exchange"),
}
"""A domain's words in a sentence, where its short name would read oddly."""


def agreements_view(agreements: pd.DataFrame, domains: tuple[str, ...], statuses: tuple[str, ...]) -> pd.DataFrame:
    """The agreements of the chosen domains and statuses."""
    chosen = agreements["domain"].isin(domains) & agreements["status"].isin(statuses)
    return agreements[chosen].reset_index(drop=True)


def agreement_steps(agreements: pd.DataFrame, timeline: pd.DataFrame) -> pd.DataFrame:
    """Each agreement's dated steps from the timeline (the events naming it), in date order, each with its own
    source."""
    steps = [status.history(timeline, a).assign(agreement_id=a) for a in agreements["agreement_id"]]
    steps = pd.concat(steps, ignore_index=True) if steps else timeline.head(0).assign(agreement_id="")
    labels = [day_label(w, p) for w, p in zip(steps["when"], steps["precision"], strict=True)]
    return steps.assign(date_label=labels).sort_values(["agreement_id", "when"], kind="stable")


def expected_vs_outcome(agreements: pd.DataFrame, standings: Mapping[str, status.Standing]) -> pd.DataFrame:
    """What the seed articles expected beside where each agreement stands now (``standings`` by agreement id)."""
    return pd.DataFrame(
        {
            "agreement": agreements["agreement"],
            "articles_expected": agreements["expected"].where(agreements["expected"] != "", "(not anticipated)"),
            "expected_source_id": agreements["expected_source_id"],
            "standing": [standings[a] for a in agreements["agreement_id"]],
        }
    )


def trade_key_numbers(annual: pd.DataFrame) -> list[KeyNumber]:
    """The Trade page's headline figures, from the official series it shows: the latest year first, with its change
    on the year before, then the record year the summit talked about and its balance."""
    series = trade.annual_bn(annual)
    latest, before = series.iloc[-1], series.iloc[-2]
    record = trade.official_year(annual, trade.HEADLINE_YEAR)
    provisional = tr(" (provisional)") if latest["status"] == "provisional" else ""
    change = latest["total_bn"] / before["total_bn"] - 1
    page = pages.TRADE
    latest_label = tr("Total trade, {year}").format(year=trade.fy(latest["fiscal_year"])) + provisional
    return [
        KeyNumber(
            latest_label,
            fmt_bn(latest["total_bn"]),
            trade.OFFICIAL_SOURCE,
            page,
            tr("{label}: {total}, {change} on {year}").format(
                label=latest_label,
                total=fmt_bn(latest["total_bn"]),
                change=fmt_pct_change(change),
                year=trade.fy(before["fiscal_year"]),
            ),
        ),
        KeyNumber(
            tr("Total trade, {year} (record)").format(year=trade.fy(trade.HEADLINE_YEAR)),
            fmt_bn(record["total_bn"]),
            trade.OFFICIAL_SOURCE,
            page,
        ),
        KeyNumber(
            tr("India's trade balance, {year}").format(year=trade.fy(trade.HEADLINE_YEAR)),
            fmt_bn(record["balance_bn"]),
            trade.OFFICIAL_SOURCE,
            page,
        ),
    ]


def defence_key_numbers(sipri: pd.DataFrame, published: pd.DataFrame) -> list[KeyNumber]:
    """The Defence page's headline: SIPRI's latest published share for Russia, and the earliest."""
    table = defence.published_vs_computed(sipri, published)
    page = pages.DEFENCE
    return [
        KeyNumber(
            tr("Russia's share of arms imports, {period}").format(period=row["period"]),
            figure_phrase(row["published_pct"], "%"),
            row["source_id"],
            page,
        )
        for row in (table.iloc[-1], table.iloc[0])
    ]


COMPACT_QUALIFIERS = {"about": "~", "more than": ">", "up to": "≤"}
"""How a card's value writes its source's qualifier, so it fits: '>120,000' for 'more than 120,000'."""


def figure_key_numbers(figures: pd.DataFrame, labels: dict[str, str], page: pages.PageInfo) -> list[KeyNumber]:
    """Reported figures as key numbers under short labels (figure id → label): a compact value on the card, and the
    figure as its source words it beside it."""
    numbers = []
    for figure_id, label in labels.items():
        row = figure(figures, figure_id)
        compact = COMPACT_QUALIFIERS.get(row["qualifier"], row["qualifier"])
        value = figure_phrase(row["value"], row["unit"], "", row["value_high"])
        wording = f"{row['metric']}, {row['period']}: {figure_phrase(row['value'], row['unit'], row['qualifier'])}"
        numbers.append(KeyNumber(tr(label), f"{compact}{value}", row["source_id"], page, wording))
    return numbers


def mobility_key_numbers(figures: pd.DataFrame) -> list[KeyNumber]:
    """The Mobility page's default what-if starting points."""
    labels = {
        mobility.WORKER_BASES["permits-2025"]: mark("Work permits for Indians, 2025"),
        mobility.VISITOR_BASES["embassy-2024"]: mark("Indian visitors to Russia, 2024"),
    }
    return figure_key_numbers(figures, labels, pages.MOBILITY)


def connectivity_key_numbers(figures: pd.DataFrame) -> list[KeyNumber]:
    """The corridors' headline claims, as the Connectivity page shows them."""
    labels = {"instc-days-concor": mark("INSTC: Mumbai–Moscow (plan)"), "emc-days": mark("Chennai–Vladivostok, 2024")}
    return figure_key_numbers(figures, labels, pages.CONNECTIVITY)
