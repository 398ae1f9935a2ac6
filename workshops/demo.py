"""Demo workshops, minutes, recommendations and action plan, from the network's documents.

Run by `manage.py load_demo` through the `load_demo` hook (`wagtail_hooks.py`),
after the network's pages exist. Idempotent: pages are found by slug under their
parent, snippets by code, follow-up and uptake by what they attach to. The
content and what is demo data are described in `demo_content.py`.

Pages are written in Arabic, the source language of the seeds, and translated
into French and English through wagtail-localize (titles, summaries and the
texts given in three languages; long Arabic bodies stay in Arabic).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from wagtail.rich_text import RichText

from home.demo.builder import (
    DEFAULT_LANGUAGE,
    LANGUAGE_CODES,
    child_page,
    escape_html,
    locales,
    placeholder_document,
    placeholder_image,
    publish,
    rich_text_from_blocks,
    translate,
)
from home.models import CommunePage, HomePage, Theme

from . import demo_content as content
from . import live
from .models import (
    ActionPlanPage,
    AgendaSession,
    Axis,
    CommuneUptake,
    LiveSession,
    MeetingDocument,
    MeetingPage,
    MeetingParticipant,
    Organisation,
    PlanUpdate,
    Recommendation,
    RecommendationsPage,
    RecommendationUpdate,
    WorkingGroup,
    WorkshopDocument,
    WorkshopIndexPage,
    WorkshopOrganisation,
    WorkshopPage,
    WorkshopParticipant,
    WorkshopPhoto,
)

TARGETS = [code for code in LANGUAGE_CODES if code != DEFAULT_LANGUAGE]


def build(home: HomePage, stdout=None) -> None:
    by_code = locales()
    axes = _named_snippets(Axis, content.AXES, by_code)
    organisations = _organisations(by_code)
    themes = {theme.code: theme for theme in Theme.objects.filter(locale=by_code[DEFAULT_LANGUAGE])}
    communes = {page.slug: page for page in CommunePage.objects.filter(locale=by_code[DEFAULT_LANGUAGE])}
    index = child_page(
        home,
        WorkshopIndexPage,
        "workshops",
        title=content.INDEX["title"]["ar"],
        show_in_menus=True,
        intro=RichText(f"<p>{escape_html(content.INDEX['intro']['ar'])}</p>"),
    )
    _translate(index, by_code, content.INDEX["title"], content.INDEX["intro"])
    compilation = child_page(
        index,
        RecommendationsPage,
        "recommendations",
        title=content.COMPILATION["title"]["ar"],
        intro=RichText(f"<p>{escape_html(content.COMPILATION['intro']['ar'])}</p>"),
    )
    _translate(compilation, by_code, content.COMPILATION["title"], content.COMPILATION["intro"])
    workshops = {
        spec["slug"]: _workshop(index, by_code, spec, axes, organisations, themes, communes)
        for spec in content.WORKSHOPS
    }
    _follow_up(workshops, communes)
    _live_session(workshops, axes)
    tetouan = communes.get("tetouan")
    if tetouan is not None:
        plan = _action_plan(tetouan, by_code)
        _minutes(tetouan, by_code, plan, themes)
    if stdout:
        stdout.write(
            f"Workshops: {WorkshopPage.objects.count()} workshop pages, {MeetingPage.objects.count()} minutes, "
            f"{Recommendation.objects.filter(locale=by_code[DEFAULT_LANGUAGE]).count()} recommendations, "
            f"{ActionPlanPage.objects.count()} action plan pages."
        )


def _live_session(workshops: dict, axes: dict) -> None:
    """An open live session with a few ideas and votes, to try the board and the phone page."""
    spec = content.LIVE_SESSION
    workshop = workshops.get(spec["workshop"])
    if workshop is None or LiveSession.objects.filter(code=spec["code"]).exists():
        return
    session = LiveSession.objects.create(workshop=workshop, code=spec["code"], title=spec["title"])
    session.axes.set([axes[code] for code in spec["axes"]])
    for number, (text, axis, votes) in enumerate(spec["ideas"]):
        idea = live.post_idea(session, f"demo-participant-{number}", text, axis)
        for voter in range(votes):
            live.vote(session, f"demo-voter-{voter}", idea.pk)


# --- Snippets -------------------------------------------------------------------------------------


def _named_snippets(model, items, by_code) -> dict[str, object]:
    """{code: Arabic snippet}, each translated into French and English."""
    result = {}
    for position, item in enumerate(items):
        source, _created = model.objects.get_or_create(
            code=item["code"],
            locale=by_code[DEFAULT_LANGUAGE],
            defaults={"name": item["name"]["ar"], "sort_order": position},
        )
        result[item["code"]] = source
        for code in TARGETS:
            translate(source, by_code[code], {item["name"]["ar"]: item["name"][code]})
    return result


def _organisations(by_code) -> dict[str, Organisation]:
    result = {}
    for item in content.ORGANISATIONS:
        source = Organisation.objects.filter(locale=by_code[DEFAULT_LANGUAGE], name=item["name"]["ar"]).first()
        if source is None:
            label = item["acronym"] or item["name"]["fr"]
            source = Organisation.objects.create(
                locale=by_code[DEFAULT_LANGUAGE],
                name=item["name"]["ar"],
                acronym=item["acronym"],
                website=item["website"],
                logo=placeholder_image(f"{item['name']['fr']} — logo", label[:24], item["colour"]),
            )
        result[item["code"]] = source
        for code in TARGETS:
            translate(source, by_code[code], {item["name"]["ar"]: item["name"][code]})
    return result


# --- Pages ------------------------------------------------------------------------------------------


def _translate(page, by_code, *texts: dict, extra: dict | None = None) -> dict:
    """Translate `page` into French and English with the {language: text} mappings given."""
    pages = {DEFAULT_LANGUAGE: page}
    for position, code in enumerate(TARGETS):
        strings = {}
        for text in texts:
            if text.get("ar") and text.get(code):
                strings[text["ar"]] = text[code]
        if extra:
            strings.update({source: targets[position] for source, targets in extra.items() if targets[position]})
        pages[code] = translate(page, by_code[code], strings)
    return pages


def _workshop(index, by_code, spec, axes, organisations, themes, communes) -> WorkshopPage:
    page = index.get_children().filter(slug=spec["slug"]).specific().first()
    if page is None:
        page = WorkshopPage(
            slug=spec["slug"],
            locale=index.locale,
            title=spec["title"]["ar"],
            kind=spec["kind"],
            summary=spec["summary"]["ar"],
            start_date=datetime.date.fromisoformat(spec["start"]),
            end_date=datetime.date.fromisoformat(spec["end"]) if spec["end"] else None,
            city=spec["city"]["ar"],
            venue=spec["venue"]["ar"],
            theme=themes.get(spec["theme"]),
            report=rich_text_from_blocks(spec["report"]),
            points_discussed=[("point", text) for text in spec["points_discussed"]],
            points_agreed=[("point", text) for text in spec["points_agreed"]],
            outcome=RichText(f"<p>{escape_html(spec['outcome']['ar'])}</p>"),
            videos=[("video", {"url": url, "title": title["ar"]}) for url, title in spec["videos"]],
        )
        page.communes = [communes[slug] for slug in spec["communes"] if slug in communes]
        order = 0
        for role, codes in (("organiser", spec["organisers"]), ("partner", spec["partners"])):
            for code in codes:
                page.organisations.add(
                    WorkshopOrganisation(organisation=organisations[code], role=role, sort_order=order)
                )
                order += 1
        for order, (name, role, organisation, public) in enumerate(spec["participants"]):
            page.participants.add(
                WorkshopParticipant(
                    name=name["ar"],
                    role=role["ar"],
                    organisation=organisation["ar"],
                    is_public=public,
                    sort_order=order,
                )
            )
        for order, (day, title, speakers) in enumerate(spec["sessions"]):
            page.sessions.add(
                AgendaSession(
                    day=datetime.date.fromisoformat(day), title=title["ar"], speakers=speakers["ar"], sort_order=order
                )
            )
        for order, (name, topic) in enumerate(spec["groups"]):
            page.working_groups.add(WorkingGroup(name=name["ar"], topic=topic["ar"], sort_order=order))
        for order, item in enumerate(spec["recommendations"]):
            recommendation = Recommendation(
                text=item["text"]["ar"],
                axis=axes[item["axis"]],
                priority=item["priority"],
                addressee=item["addressee"],
                sort_order=order,
            )
            recommendation.themes = [themes[code] for code in item["themes"] if code in themes]
            page.recommendations.add(recommendation)
        for order, (document_title, filename, title) in enumerate(spec["documents"]):
            document = placeholder_document(
                document_title, filename, [spec["title"]["fr"], spec["start"], "Document de demonstration"]
            )
            page.documents.add(WorkshopDocument(document=document, title=title["ar"], sort_order=order))
        for order, (image_title, label, colour, caption) in enumerate(spec["photos"]):
            page.photos.add(
                WorkshopPhoto(
                    image=placeholder_image(image_title, label, colour), caption=caption["ar"], sort_order=order
                )
            )
        index.add_child(instance=page)
        publish(page)
    texts = [spec["title"], spec["summary"], spec["city"], spec["venue"], spec["outcome"]]
    for name, role, organisation, _public in spec["participants"]:
        texts += [name, role, organisation]
    for _day, title, speakers in spec["sessions"]:
        texts += [title, speakers]
    for name, topic in spec["groups"]:
        texts += [name, topic]
    texts += [item["text"] for item in spec["recommendations"]]
    texts += [title for _document, _filename, title in spec["documents"]]
    texts += [caption for *_image, caption in spec["photos"]]
    texts += [title for _url, title in spec["videos"]]
    _translate(page, by_code, *texts)
    return page


def _follow_up(workshops: dict, communes: dict) -> None:
    def recommendation(slug, position):
        return workshops[slug].recommendations.order_by("sort_order", "pk")[position]

    for slug, position, updates in content.FOLLOW_UP:
        for date, status, note in updates:
            RecommendationUpdate.objects.get_or_create(
                recommendation=recommendation(slug, position),
                date=datetime.date.fromisoformat(date),
                status=status,
                defaults={"note": note},
            )
    for slug, position, commune, status, note in content.UPTAKE:
        if commune in communes:
            CommuneUptake.objects.get_or_create(
                recommendation=recommendation(slug, position),
                commune=communes[commune],
                defaults={"status": status, "note": note},
            )


def _action_plan(tetouan: CommunePage, by_code) -> ActionPlanPage:
    spec = content.TETOUAN_PLAN
    page = tetouan.get_children().filter(slug=spec["slug"]).type(ActionPlanPage).specific().first()
    if page is None:
        commitments = []
        for number, title in enumerate(spec["commitments_ar"]):
            activities = [
                {
                    "title": ar,
                    "responsible": responsible,
                    "start_date": datetime.date.fromisoformat(start),
                    "due_date": datetime.date.fromisoformat(due),
                    "status": status,
                    "percent_complete": percent,
                }
                for ar, _fr, responsible, start, due, status, percent in spec["activities"].get(number, [])
            ]
            indicators = [
                {
                    "kind": kind,
                    "name": ar,
                    "unit": unit,
                    "baseline": Decimal(baseline),
                    "target": Decimal(target),
                    "current": Decimal(current),
                }
                for kind, ar, _fr, unit, baseline, target, current in spec["indicators"].get(number, [])
            ]
            commitments.append(
                (
                    "commitment",
                    {
                        "title": title,
                        "axis": spec["axes"][number],
                        "problem": "",
                        "solution": "",
                        "expected_results": "",
                        "activities": activities,
                        "indicators": indicators,
                    },
                )
            )
        page = ActionPlanPage(
            slug=spec["slug"],
            locale=tetouan.locale,
            title=spec["title"]["ar"],
            summary=spec["summary"]["ar"],
            framework=spec["framework"]["ar"],
            period_start=datetime.date(2023, 1, 1),
            period_end=datetime.date(2026, 12, 31),
            approved_on=datetime.date(2022, 11, 14),
            data_note=spec["data_note"]["ar"],
            commitments=commitments,
        )
        for order, (date, text) in enumerate(spec["updates"]):
            page.updates.add(PlanUpdate(date=datetime.date.fromisoformat(date), text=text, sort_order=order))
        tetouan.add_child(instance=page)
        publish(page)
    french_titles = dict(zip(spec["commitments_ar"], spec["commitments_fr"], strict=True))
    english_titles = dict(zip(spec["commitments_ar"], spec["commitments_en"], strict=True))
    extra = {ar: [french_titles[ar], english_titles[ar]] for ar in spec["commitments_ar"]}
    for activities in spec["activities"].values():
        extra.update({ar: [fr, ""] for ar, fr, *_rest in activities})
    for indicators in spec["indicators"].values():
        extra.update({ar: [fr, ""] for _kind, ar, fr, *_rest in indicators})
    _translate(page, by_code, spec["title"], spec["summary"], spec["framework"], spec["data_note"], extra=extra)
    return page


def _minutes(tetouan: CommunePage, by_code, plan: ActionPlanPage, themes) -> MeetingPage:
    spec = content.TETOUAN_MINUTES
    page = tetouan.get_children().filter(slug=spec["slug"]).type(MeetingPage).specific().first()
    if page is None:
        document = placeholder_document(
            spec["document"][0], spec["document"][1], ["Tetouan, 14 novembre 2022", "Comite de pilotage local"]
        )
        page = MeetingPage(
            slug=spec["slug"],
            locale=tetouan.locale,
            title=spec["title"]["ar"],
            summary=spec["summary"]["ar"],
            body=MeetingPage.Body.STEERING_COMMITTEE,
            date=datetime.date.fromisoformat(spec["date"]),
            closing_time=datetime.time.fromisoformat(spec["closing_time"]),
            city=spec["city"]["ar"],
            venue=spec["venue"]["ar"],
            theme=themes.get("transparency"),
            agenda=_bilingual(spec["agenda_ar"], spec["agenda_fr"]),
            points_discussed=_bilingual(spec["opening_ar"], spec["opening_fr"]),
            points_agreed=[("point", text) for text in spec["agreed_ar"]],
            decision=[("bilingual_point", {"ar": spec["decision"][0], "fr": spec["decision"][1]})],
            vote=MeetingPage.Vote.UNANIMOUS,
            related_page=plan,
        )
        for order, (name, role, organisation, attendance, public) in enumerate(spec["participants"]):
            page.participants.add(
                MeetingParticipant(
                    name=name["ar"],
                    role=role["ar"],
                    organisation=organisation["ar"],
                    attendance=attendance,
                    is_public=public,
                    sort_order=order,
                )
            )
        page.documents.add(MeetingDocument(document=document, title="", sort_order=0))
        tetouan.add_child(instance=page)
        publish(page)
    texts = [spec["title"], spec["summary"], spec["city"], spec["venue"]]
    for name, role, organisation, _attendance, _public in spec["participants"]:
        texts += [{**name, "en": name["fr"]}, role, organisation]
    _translate(page, by_code, *texts)
    return page


def _bilingual(arabic: list[str], french: list[str]) -> list:
    return [("bilingual_point", {"ar": ar, "fr": fr}) for ar, fr in zip(arabic, french, strict=True)]
