"""What each page builds from its data files, once per server: views, tables with their sources named, and chart specs.

The second of the app's two caching layers (the first is the loaders in ``components.data``, keyed by file). The rule:
everything here is ``st.cache_resource``, shared by every session and therefore read-only — no page writes into a
table or spec it gets from here. Arguments are the link's validated values (strings, numbers, tuples of them),
never DataFrames, so no run hashes a table to find its result; caches keyed by link values are bounded.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components.core import charts, i18n, pages
from components.core.charts import Spec
from components.core.formatting import (
    day_label,
    figure_phrase,
    fmt_bn,
    fmt_mn,
    fmt_pct_change,
    iso_day_label,
    md,
    signed,
)
from components.core.i18n import mark, tr
from components.core.params import Parsed
from components.core.schemas import CITING_TABLES, figure, row
from components.core.what_if_state import WhatIfState
from components.store.data import (
    load_countries,
    load_figures,
    load_scenario_bases,
    load_sources,
    load_table,
    load_timeline,
    load_tracked,
    load_trade_annual,
    per_language,
)
from components.store.sourcing import fact_lines, figure_markdown, source_markdown, source_names, sourced, with_sources
from components.topics import connectivity, defence, mobility, overview, status, trade, what_if
from components.topics.provenance import UNDATED, as_of, citations, date_disagreements, edition_revisions, latest_date

LINK_KEYED = {"show_spinner": False, "max_entries": 64}
"""Settings of a cache keyed by link values: a burst of distinct links cannot grow it without bound."""


# --- Overview ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OverviewPage:
    """What the Overview shows that depends on its data files alone."""

    finding: str  # Markdown: what the page finds, in two sentences
    glance: str  # Markdown: the summit at a glance, fact by fact, each with its source
    finding_sources: str  # the source ids the finding rests on
    cards: tuple[overview.KeyNumber, ...]  # the first screen's headline figures, one per part of the story
    searched: str  # the day the followed items' news was last checked, in words
    latest_news: tuple[str, ...]  # Markdown: the followed items with the newest news, one line each
    moved: tuple[str, ...]  # Markdown, per followed item with news since the summit, newest first
    unmoved: str  # Markdown: the followed items with no news since the summit
    standings: pd.DataFrame  # every followed item at the summit and now, for the table and its download
    agreements_lead: str  # Markdown: the agreements' statuses, counted
    agreements: pd.DataFrame


CARD_ROWS = (pages.TRADE, pages.DEFENCE, pages.MOBILITY, pages.CONNECTIVITY)
"""The pages whose first headline figure the Overview shows as a card."""
LATEST_NEWS = 5
"""How many followed items with news the Overview lists before the reader opens the rest."""


@per_language(show_spinner=False)
def overview_page() -> OverviewPage:
    """The Overview's fixed parts, from its data files."""
    followed = tuple(standings().values())
    moved = tuple(s for s in followed if s.moved)
    quiet = [s for s in followed if not s.moved]
    searched = ", ".join(sorted({s.searched_label for s in followed}))
    agreements = load_table("agreements.csv")
    series = trade.annual_bn(load_trade_annual())
    latest, before = series.iloc[-1], series.iloc[-2]
    provisional = tr(", provisional") if latest["status"] == "provisional" else ""
    counted = agreements["status"].value_counts()
    return OverviewPage(
        finding=tr(
            "At the 23rd Annual Summit (New Delhi, 4–5 December 2025) India and Russia signed {signed}, including a "
            "programme to 2030. A year on, goods trade is **{total} a year** ({year}{provisional}), {change} on the "
            "record, and {moved} of the {followed} deliverables and disputes followed here have news since the summit."
        ).format(
            signed=md(overview.signed_summary(agreements)),
            total=md(fmt_bn(latest["total_bn"])),
            year=md(trade.fy(latest["fiscal_year"])),
            provisional=provisional,
            change=fmt_pct_change(latest["total_bn"] / before["total_bn"] - 1),
            moved=len(moved),
            followed=len(followed),
        ),
        finding_sources=f"livemint-relos-2025-12-03;{trade.OFFICIAL_SOURCE};globalgovernance-2025-12-05",
        glance="\n".join(
            f"- **{md(fact.topic)}:** {md(fact.fact)} ({source_markdown(fact.source_id, short=True)})"
            for fact in load_table("summit_facts.csv").itertuples()
        ),
        cards=tuple(key_numbers(p.script)[0] for p in CARD_ROWS),
        searched=searched,
        latest_news=tuple(f"**{md(s.item)}:** {standing_markdown(s)}" for s in moved[:LATEST_NEWS]),
        moved=tuple(since_summit_markdown(s) for s in moved),
        unmoved="**No later report found:** "
        + "; ".join(f"{md(s.item)} ({md(standing_words(s.now))})" if s.now else md(s.item) for s in quiet)
        + ".",
        standings=standings_table(followed),
        agreements_lead=(
            tr(
                "{count} agreements, pacts and negotiations, by where each stands now: {statuses}. Filter them by "
                "domain and status."
            ).format(
                count=len(agreements), statuses=", ".join(f"{n} {md(tr(status_))}" for status_, n in counted.items())
            )
        ),
        agreements=agreements,
    )


@per_language(show_spinner=False)
def standings() -> dict[str, status.Standing]:
    """Every followed item's standing by id, newest news first (the Overview, the agreements, the Trade and Defence
    statuses and the changes feed all read these)."""
    return {s.item_id: s for s in status.standings(load_tracked(), load_timeline(), load_sources())}


def standing_words(step: status.Step) -> str:
    """A status with its date, in words: 'signed, 5 Dec 2025'."""
    return f"{step.status}, {step.date_label}"


def standing_markdown(standing: status.Standing) -> str:
    """Markdown: where an item stands now, from its strongest source, any later weakly sourced report apart, and,
    for an item with no news since the summit, the day its news was last checked."""
    parts = []
    if standing.now is not None:
        parts.append(f"**{md(standing.now.status)}** ({dated_citation(standing.now)})")
    if standing.reported is not None:
        later = standing.reported
        parts.append(f"{source_markdown(later.source_id, short=True)}: {md(later.status)} ({md(later.date_label)})")
    note = standing.search_note if not standing.moved else ""
    return "; ".join([*parts, md(note)] if note else parts)


def dated_citation(step: status.Step) -> str:
    """Markdown: a status's date and its source, '5 Dec 2025, Business Standard'."""
    return f"{md(step.date_label)}, {source_markdown(step.source_id, short=True)}"


def since_summit_markdown(standing: status.Standing) -> str:
    """Markdown: one followed item at the summit and now."""
    before = standing.at_summit
    at_summit = f"{md(before.status)} ({dated_citation(before)})" if before else "no status reported"
    return f"**{md(standing.item)}** — at the summit: {at_summit}. Now: {standing_markdown(standing)}."


def standings_table(followed: tuple[status.Standing, ...]) -> pd.DataFrame:
    """Every followed item at the summit and now, with the sources of each, as a table to read and download."""

    def cells(step: status.Step | None) -> tuple[str, str, str]:
        return (step.status, step.date_label, step.source_id) if step else ("", "", "")

    rows = []
    for s in followed:
        summit, now, reported = cells(s.at_summit), cells(s.now), cells(s.reported)
        rows.append(
            {
                "item": s.item,
                "at_the_summit": summit[0],
                "at_the_summit_date": summit[1],
                "now": now[0],
                "now_date": now[1],
                "later_weaker_report": reported[0],
                "later_weaker_report_date": reported[1],
                "news_checked": s.searched_label,
                "source_id": ";".join(dict.fromkeys(i for i in (summit[2], now[2], reported[2]) if i)),
            }
        )
    table = pd.DataFrame(rows)
    return table[table["source_id"] != ""].reset_index(drop=True)


@per_language(show_spinner=False)
def key_numbers(script: str) -> tuple[overview.KeyNumber, ...]:
    """A page's headline figures (its ``key_numbers`` hook), taken from the rows its page shows; none for a page
    without. The Overview's cards, the pages' first screens and the link previews all use these."""
    numbers = pages.by_script(script).hook("key_numbers")
    return tuple(numbers()) if numbers else ()


def overview_key_numbers() -> tuple[overview.KeyNumber, ...]:
    """The Overview's: Trade's first and Defence's first."""
    return key_numbers(pages.TRADE.script)[0], key_numbers(pages.DEFENCE.script)[0]


def trade_key_numbers() -> list[overview.KeyNumber]:
    """Trade's: the latest year's total and the record year's."""
    return overview.trade_key_numbers(load_trade_annual())


def defence_key_numbers() -> list[overview.KeyNumber]:
    """Defence's: Russia's published shares of India's arms imports."""
    sipri, published = load_table("sipri_india_arms_imports.csv"), load_table("sipri_published_shares.csv")
    return overview.defence_key_numbers(sipri, published)


def mobility_key_numbers() -> list[overview.KeyNumber]:
    """Mobility's: work permits and visitors."""
    return overview.mobility_key_numbers(load_figures())


def connectivity_key_numbers() -> list[overview.KeyNumber]:
    """Connectivity's: the corridors' transit times."""
    return overview.connectivity_key_numbers(load_figures())


# --- First screens (each page's ``first_screen`` hook: the page draws it, the server sends it as HTML) ----------
OVERVIEW_TITLE = mark("India and Russia, a year after the summit")
SOURCES_TITLE = mark("Sources")


@per_language(show_spinner=False)
def overview_first_screen() -> overview.FirstScreen:
    """The Overview's: the summit and the year since, and a card from each part of the story."""
    fixed = overview_page()
    return overview.FirstScreen(
        tr(OVERVIEW_TITLE),
        fixed.finding,
        fixed.finding_sources,
        fixed.cards,
        ("Since the summit", "Agreements", "Timeline"),
    )


@per_language(show_spinner=False)
def trade_first_screen() -> overview.FirstScreen:
    """Trade's: the latest year against the record and the goal."""
    view, _ = trade_page()
    goal, latest, previous = view.goal, view.series.iloc[-1], view.series.iloc[-2]
    status_note = tr(" (provisional)") if latest["status"] == "provisional" else ""
    return overview.FirstScreen(
        tr("Trade: below the record, far from {goal}").format(goal=figure_phrase(goal["goal"], "US$ bn")),
        tr(
            "India–Russia goods trade was **{total} in {year}**{provisional}, {change} on the record {record} of "
            "{record_year}, the year the summit talked about. The summit reaffirmed a goal of **{goal} a year by "
            "{deadline}**. Values are US\\$ at current prices; Indian fiscal years run April–March."
        ).format(
            total=md(fmt_bn(latest["total_bn"])),
            year=trade.fy(latest["fiscal_year"]),
            provisional=status_note,
            change=fmt_pct_change(latest["total_bn"] / previous["total_bn"] - 1),
            record=md(fmt_bn(view.record_bn)),
            record_year=trade.fy(trade.HEADLINE_YEAR),
            goal=md(figure_phrase(goal["goal"], "US$ bn")),
            deadline=goal["deadline"],
        ),
        f"{trade.OFFICIAL_SOURCE};{goal['set_source_id']}",
        contents=("Latest year", trade.fy(trade.HEADLINE_YEAR), "History", "Composition", "Export gaps", "Targets"),
    )


@per_language(show_spinner=False)
def defence_first_screen() -> overview.FirstScreen:
    """Defence's: Russia's share of India's arms imports, as SIPRI publishes it, and what the summit brought."""
    _, story_sources = defence_page()["story"]
    headline = defence.share_headline(load_table("sipri_published_shares.csv"))
    return overview.FirstScreen(
        tr("Defence: Russia leads, with a smaller share"),
        md(headline)
        + " "
        + tr(
            "The summit brought no big new contract; it turned to joint production, logistics (RELOS), nuclear "
            "energy and space."
        ),
        defence.SIPRI_SOURCE + ";" + story_sources.split(";")[0],
        key_numbers(pages.DEFENCE.script),
        ("Suppliers", "Russia's share", "What Russia supplies", "Platforms", "RELOS", "Nuclear & space"),
    )


def mobility_first_screen() -> overview.FirstScreen:
    """Mobility's: its finding and key numbers."""
    title, finding, sources = mobility.FIRST_SCREEN
    contents = ("Workers", "Students", "Visitors", "What-if")
    return overview.FirstScreen(tr(title), tr(finding), sources, key_numbers(pages.MOBILITY.script), contents)


def connectivity_first_screen() -> overview.FirstScreen:
    """Connectivity's: its finding and key numbers."""
    title, finding, sources = connectivity.FIRST_SCREEN
    contents = ("Map", "Compare", "Transit vs Suez", "Maritime")
    return overview.FirstScreen(tr(title), tr(finding), sources, key_numbers(pages.CONNECTIVITY.script), contents)


def sources_first_screen() -> overview.FirstScreen:
    """The Sources page's: what it lists."""
    return overview.FirstScreen(
        tr(SOURCES_TITLE),
        tr(
            "Every figure in this explainer comes from a row of a data file that names its source. These are the "
            "sources, what each is cited for, and every figure on which they disagree. Five news reports from the "
            "week of the summit are marked **seed articles**: each is cited by its outlet, headline and date, with a "
            "link to a public copy of the same text; for one explainer no original publication could be traced, and "
            "its citation says so."
        ),
        "",
    )


def what_if_first_screen(readings: dict[str, Parsed]) -> overview.FirstScreen:
    """The what-if's, for a link's validated readings: its title and the answer (``what_if.answer``) to the link's
    scenario, with scenario A beside it when pinned, as the page shows them; the official figures it starts from
    are its source."""
    state = WhatIfState.read(readings)
    answer = what_if.answer(what_if_inputs().bases[state.base], state)
    return overview.FirstScreen(tr(what_if.TITLE), "", trade.OFFICIAL_SOURCE, answer=answer)


@dataclass(frozen=True)
class AgreementsView:
    """The agreements a reader's filters choose, as the Overview shows them."""

    chosen: pd.DataFrame  # the tracker's rows
    standing: pd.DataFrame  # each chosen agreement's short name, status now and its date: the table a phone reads
    detail: str  # Markdown: what the articles expected beside what happened, the dated steps, the document counts


@per_language(**LINK_KEYED)
def agreements(domains: tuple[str, ...], statuses: tuple[str, ...]) -> AgreementsView:
    """The agreements of these domains and statuses: where each stands now, and in detail what was expected, each
    one's dated steps and how sources count the documents."""
    chosen = overview.agreements_view(load_table("agreements.csv"), domains, statuses)
    followed, names = standings(), load_tracked()["item"]
    outcomes = overview.expected_vs_outcome(chosen, followed)
    standing = pd.DataFrame(
        {
            "agreement": chosen["agreement_id"].map(names),
            "status": chosen["status"],
            "as_of": [followed[a].now.date_label if followed[a].now else tr(UNDATED) for a in chosen["agreement_id"]],
        }
    )
    expected = [
        f"- **{md(row.agreement)}** — expected: {md(row.articles_expected)}"
        + (f" ({source_markdown(row.expected_source_id, short=True)})" if row.expected_source_id else "")
        + f"; now: {standing_markdown(row.standing)}."
        for row in outcomes.itertuples()
    ]
    steps_by_agreement = overview.agreement_steps(chosen, load_timeline())
    notes = chosen.set_index("agreement_id")
    step_lines = []
    for agreement_id, steps in steps_by_agreement.groupby("agreement_id", sort=False):
        if len(steps) < 2:  # signed at the summit and nothing since: the table says it
            continue
        agreement = notes.loc[agreement_id]
        step_lines.append(
            f"**Step by step — {md(agreement['agreement'])}:** "
            + "; ".join(
                f"{md(s.date_label)}: {md(s.event)} ({source_markdown(s.source_id, short=True)})"
                for s in steps.itertuples()
            )
            + (f". {md(agreement['note'])}" if agreement["note"] else "")
        )
    figures = load_figures()
    counts = figures[figures["metric"] == "Documents signed or exchanged at the summit"]
    dated_differently = [
        f"**Sources date it differently — {md(versions['event'].iloc[0])}:** "
        + "; ".join(
            f"{md(iso_day_label(v.date))} ({source_markdown(v.source_id, short=True)})" for v in versions.itertuples()
        )
        for _, versions in date_disagreements(load_timeline()).groupby("event_id", sort=False)
    ]
    detail = "\n\n".join(
        [
            "**What the articles expected, and where each stands now**\n" + "\n".join(expected),
            *step_lines,
            "**How many documents?** Sources count differently: "
            + "; ".join(figure_markdown(row) for row in counts.itertuples()),
            *dated_differently,
        ]
    )
    return AgreementsView(chosen, standing, detail)


@per_language(show_spinner=False)
def item_steps(item_id: str) -> str:
    """Markdown: a followed item's dated events in order, each with its source."""
    return "; ".join(
        f"{md(day_label(e.when, e.precision))}: {md(e.event)} ({source_markdown(e.source_id, short=True)})"
        for e in status.history(load_timeline(), item_id).itertuples()
    )


@per_language(**LINK_KEYED)
def timeline(domains: tuple[str, ...], period: str) -> tuple[pd.DataFrame, Spec | None, str]:
    """The timeline's events for these filters with their sources named, its chart (None when no event), and the
    numbered list of the events in words, each cited, that the chart's numbers point to."""
    events = overview.timeline_view(load_timeline(), domains, period)
    if events.empty:
        return events, None, ""
    events = events.assign(source=events["source_id"].map(source_names))
    listed = "\n".join(
        f"{e.number}. **{md(e.date_label)}** · {md(e.event)} ({source_markdown(e.source_id, short=True)})"
        for e in events.itertuples()
    )
    chart = charts.timeline(events, overview.timeline_labels(events), overview.PERIOD_AXIS_FORMATS[period])
    return events, Spec.of(chart), listed


# --- Trade and the what-if --------------------------------------------------------------------------
@per_language(show_spinner=False)
def trade_page() -> tuple[trade.TradeView, dict]:
    """The Trade page's view of its data files, its tables with sources named and its charts (the statuses and facts
    its targets show are read here too, so a damaged file stops the page before it draws)."""
    standings()
    load_table("facts.csv")
    hs2 = trade.check_hs2_years(load_table("trade_hs2.csv"))
    view = trade.view(
        load_trade_annual(), hs2, load_figures(), load_table("trade_items.csv"), load_table("trade_targets.csv")
    )
    return view, {
        "movers": with_sources(view.movers).assign(
            what=view.movers["what"].map(lambda w: w.split(":")[0].split(" (")[0] + " (" + w.rsplit("(", 1)[1]),
            change=view.movers["change_pct"].map(lambda pct: f"{signed(pct, 0)}%"),
        ),
        "named": with_sources(view.named),
        "history": Spec.of(
            charts.trade_history(
                view.history,
                view.jump_year,
                tr("FY2022-23: imports ×{ratio}").format(ratio=i18n.number(view.jump_ratio, 1)),
            )
        ),
        "other versions": {
            key: "**Other versions:**\n"
            + "\n".join(
                f"- {md(figure_phrase(r.value_bn, 'US$ bn', r.qualifier))}: {source_markdown(r.source_id, short=True)}"
                + (" *(our computation from its figures)*" if r.how.startswith("computed") else "")
                for r in sorted(rows, key=lambda r: status.rank_of(r.source_id, load_sources()))
            )
            for key, rows in view.other_versions.items()
        },
        "which figure": trade.which_figure_note(
            view, source_names(view.earlier["source_id"]), source_names("seed-001")
        ),
        **{key: Spec.of(charts.composition(shares)) for key, shares in view.compositions.items()},
        **{sector: Spec.of(charts.gap_bars(gap)) for sector, gap in view.gaps.groupby("sector", sort=False)},
        "exporters": exporters_brief(view, hs2),
        "targets": targets_table(view),
        "crude": " · ".join(
            f"{md(period)}: " + "; ".join(figure_markdown(r, with_note=False) for r in rows.itertuples())
            for period, rows in view.crude_counted.groupby("period", sort=False)
        ),
    }


def targets_table(view: trade.TradeView) -> pd.DataFrame:
    """Each target, where it stands and as of when: a followed target's status is its dated history's."""
    followed, sources = standings(), load_sources()
    rows = []
    for target in view.targets:
        standing = followed.get(target.target_id)
        if standing is not None and standing.now is not None:
            status_, as_of_ = standing.now.status, standing.now.date_label
        else:
            status_ = target.status
            as_of_ = iso_day_label(latest_date(target.status_source_id or target.source_id, sources)) or tr(UNDATED)
        rows.append({"target": target.target, "status": status_[:1].upper() + status_[1:], "as_of": as_of_})
    return pd.DataFrame(rows)


@per_language(show_spinner=False)
def targets_detail() -> str:
    """Markdown: each target, where it stands, how it was set, its progress and its sources."""
    view, followed = trade_page()[0], standings()
    latest = view.series.iloc[-1]
    provisional = " (provisional)" if latest["status"] == "provisional" else ""
    blocks = []
    for target in view.targets:
        if target.target_id in followed:  # a followed item: its status is its dated history's
            facts = [f"Status: {standing_markdown(followed[target.target_id])}"]
            facts.append(f"Step by step: {item_steps(target.target_id)}")
        else:
            known = as_of(target.status_source_id or target.source_id, load_sources())
            facts = [f"Status ({known}): {md(target.status)}" + sourced(target.status_source_id)]
        if target.set_at:
            facts.append(f"Set: {md(target.set_at)}" + sourced(target.set_source_id))
        if target.target_id == "trade-100bn":
            facts.append(
                f"Progress: {md(fmt_bn(latest['total_bn']))} in {md(trade.fy(latest['fiscal_year']))}{provisional}, "
                f"{latest['total_bn'] / target.goal:.0%} of the goal "
                f"({source_markdown(trade.OFFICIAL_SOURCE, short=True)})"
            )
        facts += [f"{md(f.metric)}, {md(f.period)}: {figure_markdown(f)}" for f in view.progress[target.target_id]]
        block = f"**{md(target.target)}**\n" + "\n".join(f"- {fact}" for fact in facts)
        if target.target_id == "us-tariffs":
            block += "\n\n**What the oil condition is — each side's words:**\n" + fact_lines("us-oil-condition")
        block += f"\n\nAs stated: '{md(target.evidence)}' — {source_markdown(target.source_id, short=True)}"
        blocks.append(block)
    return "\n\n".join(blocks)


def exporters_brief(view: trade.TradeView, hs2: pd.DataFrame) -> str:
    """Markdown: what the summit and its outcomes mean for Indian exporters, each point cited: the markets against
    India's sales (every version), the farm and sea chapters, and the agreements that touch exporters."""
    agreements = load_table("agreements.csv")
    lines = [
        "**Pharmaceuticals and engineering: the market against India's sales** "
        "(the sources differ: see the note under Export gaps)"
    ]
    for sector, rows in view.gaps.groupby("sector", sort=False):
        versions = "; ".join(
            f"{md(r.measure)}: {md(trade.money_phrase(r.value_usd_mn, r.value_high_usd_mn, r.qualifier))} "
            f"({md(r.period)}, {source_markdown(r.source_id, short=True)})"
            for r in rows.itertuples()
        )
        lines.append(f"- **{md(sector)}:** {versions}")
    years = sorted(hs2["fiscal_year"].unique())
    lines.append(
        f"\n**Farm and sea products: India's exports to Russia, {' and '.join(map(trade.fy, years))}** "
        f"(official HS chapters, {source_markdown(trade.HS_SOURCE, short=True)})"
    )
    for chapter, name, values in trade.agri_marine_exports(hs2):
        shown = " → ".join(md(fmt_mn(values[y], 2)) for y in years if y in values)
        lines.append(f"- {md(name)} (HS{chapter}): {shown}")
    lines.append("\n**What the summit agreed that touches exporters**")
    for agreement_id in trade.EXPORTER_AGREEMENTS:
        a = row(agreements, "agreement_id", agreement_id)
        when = f", {md(iso_day_label(a['signed']))}" if a["signed"] else ""
        lines.append(
            f"- **{md(a['agreement'])}** ({md(a['status'])}{when}): {md(a['what_it_does'])} "
            f"({source_markdown(a['source_id'], short=True)})"
        )
    currencies = row(load_table("trade_targets.csv"), "target_id", "national-currencies")
    lines.append(
        f"- **{md(currencies['target'])}:** {md(currencies['status'])} — '{md(currencies['evidence'])}' "
        f"({source_markdown(currencies['source_id'], short=True)}); how much is already settled so, under Targets."
    )
    return "\n".join(lines)


@per_language(show_spinner=False)
def what_if_inputs() -> what_if.Inputs:
    """What the What-if page needs from its three data files."""
    return what_if.prepare(load_trade_annual(), load_scenario_bases(), load_figures())


@per_language(show_spinner=False)
def trade_projection(target_bn: float, pinned: bool) -> Spec:
    """The what-if chart's template, with or without scenario A (each rerun fills in its paths)."""
    return Spec.of(charts.trade_projection(target_bn, pinned))


@per_language(**LINK_KEYED)
def sensitivity(current: tuple[int, int]) -> Spec:
    """The sensitivity grid's template with this cell outlined (each rerun fills in the grid)."""
    return Spec.of(charts.sensitivity(current))


# --- Defence ----------------------------------------------------------------------------------------
@per_language(show_spinner=False)
def defence_page() -> dict:
    """SIPRI's published shares beside ours, the intro, Russia's categories, the platforms' disagreements and the
    RELOS milestones, with their charts; the platforms with the date and names of their sources."""
    sipri, published = load_table("sipri_india_arms_imports.csv"), load_table("sipri_published_shares.csv")
    platforms, facts = load_table("defence_platforms.csv"), load_table("facts.csv")
    timeline = load_timeline()
    comparison = with_sources(defence.published_vs_computed(sipri, published))
    blocks = defence.category_periods(int(sipri["delivery_year"].min()), int(sipri["delivery_year"].max()))
    categories = defence.russian_categories(sipri, blocks)
    steps = overview.timeline_view(status.history(timeline, "relos"), ("defence",), "all")
    steps = with_sources(steps)
    return {
        "comparison": comparison,
        "segments": comparison.dropna(subset=["published_pct"]),
        "story": defence.share_story(published),
        "categories": (categories, Spec.of(charts.category_shares(categories))),
        "disputed": defence.versions(facts[facts["item_id"].isin(platforms["platform_id"])]),
        "relos": (steps, Spec.of(charts.milestones(steps))),
        "platforms": followed_platforms(platforms),
    }


def _sentence(status_: str) -> str:
    """A status in the reader's language, opening with a capital as a table's cell does."""
    words = tr(status_)
    return words[:1].upper() + words[1:]


def followed_platforms(platforms: pd.DataFrame) -> pd.DataFrame:
    """The platforms with the date and names of their status's sources, each status in the reader's language; a
    followed platform's status is where its dated history stands now, with a later report that only a weak source
    makes named as such."""
    followed, sources = standings(), load_sources()
    rows = []
    for platform in platforms.to_dict("records"):
        standing = followed.get(platform["platform_id"])
        if standing is not None and standing.now is not None:
            later = standing.reported
            platform["status"] = _sentence(standing.now.status) + (
                tr("; later reported only by {sources}: {status}, {date}").format(
                    sources=source_names(later.source_id), status=tr(later.status), date=later.date_label
                )
                if later
                else ""
            )
            platform["source_id"], platform["as_of"] = standing.now.source_id, standing.now.date_label
        else:
            platform["status"] = _sentence(platform["status"])
            platform["as_of"] = iso_day_label(latest_date(platform["source_id"], sources)) or tr(UNDATED)
        rows.append(platform)
    table = pd.DataFrame(rows)
    return table.assign(source=table["source_id"].map(source_names))


@per_language(**LINK_KEYED)
def supply(suppliers: tuple[str, ...], years: tuple[int, int]) -> tuple[pd.DataFrame, Spec]:
    """Deliveries by the chosen suppliers (the rest as one group) in these years, and their chart."""
    table = defence.supply_by_year(load_table("sipri_india_arms_imports.csv"), suppliers, years)
    return table, Spec.of(charts.supplier_bars(table, list(suppliers), defence.OTHERS))


@per_language(**LINK_KEYED)
def russia_share(window: int, years: tuple[int, int]) -> tuple[pd.DataFrame, Spec]:
    """Russia's yearly and smoothed shares in these years, and their chart beside SIPRI's published shares."""
    shares = defence.russia_share(load_table("sipri_india_arms_imports.csv"), window)
    shares = shares[shares["year"].between(*years)]
    segments = defence_page()["segments"]
    return shares, Spec.of(charts.russia_share(shares, segments, f"{window}-year window"))


# --- Mobility ---------------------------------------------------------------------------------------
MEASURE_GROUPS = {
    "workers": mobility.WORKER_MEASURES,
    "students": mobility.STUDENT_MEASURES,
    "indians_visiting": mobility.INDIANS_TO_RUSSIA,
    "russians_visiting": mobility.RUSSIANS_TO_INDIA,
}


@dataclass(frozen=True)
class MobilityPage:
    """What the Mobility page shows that depends on its data files alone."""

    groups: dict[str, tuple[pd.DataFrame, Spec]]  # each group of measures: its table (sources named) and chart
    versions: dict[str, str]  # workers' and students' measures: every version as Markdown bullets, newest first
    ratios: list[str]  # how far the two visitor counts differ
    starts: dict[str, pd.Series]  # the what-ifs' cited starting figures, by choice
    goal: pd.Series  # Moscow's 2030 visitors goal
    russians_2024: str  # the 2024 counts of Russian visitors to India, as Markdown
    flights: str  # flights a week, as Markdown bullets
    signed: tuple[tuple[str, str], ...]  # the mobility agreements signed: Markdown and source id
    figures: pd.DataFrame  # every mobility figure


def _versions(figures: pd.DataFrame, metric_names: tuple[str, ...]) -> str:
    """Every version of some measures as Markdown bullets, each as its source words it, newest period first."""
    rows = figures[figures["metric"].isin(metric_names)].sort_values("year", ascending=False, na_position="last")
    return "\n".join(f"- {md(row.metric)}, {md(row.period)}: {figure_markdown(row)}" for row in rows.itertuples())


@per_language(show_spinner=False)
def mobility_page() -> MobilityPage:
    """The Mobility page's tables, charts and cited Markdown (a figure missing from the file stops the page)."""
    figures, agreements = load_figures(), load_table("agreements.csv")
    load_table("facts.csv")  # read here, so a damaged file stops the page with its message
    groups = {}
    for name, order in MEASURE_GROUPS.items():
        table = with_sources(mobility.measures(figures, order))
        groups[name] = (table, Spec.of(charts.measures(table.dropna(subset=["year"]), order)))
    russians = figures[(figures["metric"] == "Russian arrivals in India") & (figures["year"] == 2024)]
    flights = figures[figures["unit"] == "flights a week"]
    signed = agreements[(agreements["domain"] == "mobility") & (agreements["status"] == "signed")]
    return MobilityPage(
        groups=groups,
        versions={
            "workers": _versions(figures, mobility.WORKER_MEASURES),
            "students": _versions(figures, mobility.STUDENT_MEASURES),
        },
        ratios=mobility.count_ratios(figures),
        starts={choice: figure(figures, figure_id) for choice, figure_id in mobility.STARTS.items()},
        goal=figure(figures, mobility.VISITOR_GOAL),
        russians_2024="; ".join(figure_markdown(r) for r in russians.itertuples()),
        flights="\n".join(f"- {md(r.metric)}, {md(r.period)}: {figure_markdown(r)}" for r in flights.itertuples()),
        signed=tuple(
            (f"**{md(r.agreement)}** — {md(r.what_it_does)}; signed {md(iso_day_label(r.signed))}", r.source_id)
            for r in signed.itertuples()
        ),
        figures=figures[figures["domain"] == "mobility"],
    )


@per_language(**LINK_KEYED)
def count_projection(start: str, target: float | None) -> Spec:
    """The template of a mobility what-if from this starting figure, with this target line (each rerun fills in
    the path)."""
    figures = load_figures()
    figure_id = mobility.STARTS[start]
    start_point = with_sources(mobility.starting_point(figures, figure_id))
    return Spec.of(charts.count_projection(start_point, target, figure(figures, figure_id)["metric"]))


# --- Connectivity -----------------------------------------------------------------------------------
FIGURE_PREFIXES = {"instc": ("instc", "rasht"), "emc": ("emc",), "nsr": ("nsr", "murmansk")}
"""For each corridor, the prefixes of the ids of its figures in figures.csv."""


@dataclass(frozen=True)
class ConnectivityPage:
    """What the Connectivity page shows that depends on its data files alone."""

    ports: pd.DataFrame  # the map's ports, with the sources of their coordinates named
    legs: pd.DataFrame  # the map's route legs
    figure_lines: dict[str, str]  # by corridor: its figures as Markdown, with the nature of each claim
    place_names: pd.Series  # route nodes' names by id
    journeys: pd.DataFrame  # journeys by corridor and by Suez, per source
    suez_comparators: str  # Suez figures for journeys no corridor makes (comparators, not baselines), as Markdown


@per_language(show_spinner=False)
def connectivity_page() -> ConnectivityPage:
    """The Connectivity page's map parts, corridor figures and journeys (the world map's file is read here, so a
    damaged one stops the page with its message)."""
    load_countries()
    load_table("facts.csv")
    nodes, journeys = load_table("route_nodes.csv"), load_table("journeys.csv")
    paths = connectivity.route_paths(load_table("routes.csv"), nodes)
    ports = connectivity.ports(paths)
    figures = load_figures()
    shown = figures[figures["domain"] == "connectivity"]
    return ConnectivityPage(
        ports=ports.assign(coordinates_source=ports["source_id_node"].map(source_names)),
        legs=connectivity.legs(paths),
        figure_lines={
            route_id: "\n".join(
                f"- {md(row.metric)}, {md(row.period)}: {figure_markdown(row)} *[{md(row.claim)}]*"
                for row in shown[shown["figure_id"].str.startswith(prefixes)].itertuples()
            )
            for route_id, prefixes in FIGURE_PREFIXES.items()
        },
        place_names=nodes.set_index("node_id")["name"],
        journeys=journeys,
        suez_comparators="; ".join(
            f"{md(r.evidence)} ({source_markdown(r.source_id, short=True)})"
            for r in connectivity.unpaired_suez(journeys, connectivity.corridor_journeys(journeys)).itertuples()
        ),
    )


COUNTRIES_ADDRESS = "/api/v1/datasets/countries-110m.topojson"
"""Where the open data API serves the map's geometry: a reader's browser fetches it from there once an hour and
keeps it, so no page open sends its 108 kB (the server wrote it out three times over on every open)."""


@per_language(show_spinner=False, max_entries=len(connectivity.ROUTE_NAMES) + 1)
def route_map(highlight: str) -> Spec:
    """The map with one route (or all) highlighted, and its key; its geometry is large and never changes."""
    shown = connectivity_page()
    chart = charts.route_map(shown.legs, shown.ports, highlight)
    key = Spec.of(charts.route_legend(connectivity.ROUTE_NAMES))
    return Spec.of(chart, {charts.COUNTRIES: load_countries()}, key=key, fetched={charts.COUNTRIES: COUNTRIES_ADDRESS})


# --- Sources ----------------------------------------------------------------------------------------
@per_language(show_spinner=False)
def sources_page() -> dict[str, pd.DataFrame]:
    """The Sources page's tables, each with its sources named, from every data file."""
    sources = load_sources()
    cited = citations({name: load_table(name) for name in CITING_TABLES})
    counts = cited.groupby("source_id").size()
    tables = {
        "sources": sources.drop(columns="seed_file").assign(
            figures_citing=sources["id"].map(counts).fillna(0).astype(int)
        ),
        "citations": cited,
        "disagreements": trade.disagreements(load_figures(), load_trade_annual()),
        "date_disagreements": date_disagreements(load_timeline()),
        "defence_disagreements": defence.versions(load_table("facts.csv")),
        "sipri_revisions": edition_revisions(load_table("sipri_published_shares.csv")),
    }
    named = {name: with_sources(table) if "source_id" in table else table for name, table in tables.items()}
    named["citations"] = named["citations"][["source", "figure", "file", "source_id"]]  # a phone shows who first
    catalogue = named["sources"]
    named["sources"] = catalogue[[*catalogue.columns.drop("id"), "id"]]  # the title first, the link's id last
    return named
