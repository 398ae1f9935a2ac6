"""Demo consultations, from the network's documents (seeds 000 and 001).

* The consultation of member councils on the competences of provincial and
  prefectoral councils, organised in the three axes of the interactive
  workshop of 2 March 2020 and the meeting of 15 March 2022; several members
  have answered.
* An open public consultation on the participatory budget that uses every
  question type.
"""

from __future__ import annotations

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.rich_text import RichText

from home.demo.builder import LANGUAGE_CODES, child_page, locales, publish, translate
from home.models import CommunePage

from .models import ConsultationIndexPage, ConsultationPage, MemberInvitation, Question, Response
from .offline import answers_to_cells, build_form_workbook, fill_form_workbook, read_form_workbook

INDEX_TITLES = {"ar": "الاستشارات", "fr": "Consultations", "en": "Consultations"}

# Each question: its fields in Arabic (the source) and {Arabic text: [French, English]} for its strings.
COMPETENCES_QUESTIONS = [
    (
        {
            "code": "axis-1",
            "field_type": "section",
            "label": "المحور الأول: الاختصاصات والالتقائية",
            "help_text": "ممارسة الاختصاصات الذاتية والمشتركة والمنقولة طبقا للقانون التنظيمي 112.14.",
            "required": False,
        },
        {
            "المحور الأول: الاختصاصات والالتقائية": [
                "Axe 1 : compétences et convergence",
                "Axis 1: competences and convergence",
            ]
        },
    ),
    (
        {
            "code": "competences-clarity",
            "field_type": "rating",
            "label": "إلى أي حد تعتبر الاختصاصات الذاتية للمجلس واضحة؟",
            "min_value": 1,
            "max_value": 5,
            "min_label": "غير واضحة",
            "max_label": "واضحة جدا",
        },
        {
            "إلى أي حد تعتبر الاختصاصات الذاتية للمجلس واضحة؟": [
                "Dans quelle mesure les compétences propres du conseil sont-elles claires ?",
                "How clear are the council's own competences?",
            ],
            "غير واضحة": ["Pas claires", "Not clear"],
            "واضحة جدا": ["Très claires", "Very clear"],
        },
    ),
    (
        {
            "code": "competences-issues",
            "field_type": "multiple_choice",
            "label": "ما هي أبرز الإكراهات في ممارسة الاختصاصات؟",
            "choices": "overlap | تداخل الاختصاصات مع الجهة والجماعات\ndecrees | تأخر النصوص التطبيقية\nconvergence | ضعف التقائية البرامج القطاعية",
            "allow_other": True,
            "max_choices": 2,
        },
        {
            "ما هي أبرز الإكراهات في ممارسة الاختصاصات؟": [
                "Quelles sont les principales difficultés dans l'exercice des compétences ?",
                "What are the main obstacles to exercising the competences?",
            ],
            "overlap | تداخل الاختصاصات مع الجهة والجماعات": [
                "overlap | Chevauchement avec la région et les communes",
                "overlap | Overlap with the region and the communes",
            ],
            "decrees | تأخر النصوص التطبيقية": [
                "decrees | Retard des textes d'application",
                "decrees | Delayed implementing decrees",
            ],
            "convergence | ضعف التقائية البرامج القطاعية": [
                "convergence | Faible convergence des programmes sectoriels",
                "convergence | Weak convergence of sectoral programmes",
            ],
        },
    ),
    (
        {"code": "axis-2", "field_type": "section", "label": "المحور الثاني: الموارد المالية", "required": False},
        {"المحور الثاني: الموارد المالية": ["Axe 2 : ressources financières", "Axis 2: financial resources"]},
    ),
    (
        {
            "code": "finance-sufficient",
            "field_type": "yes_no",
            "label": "هل تكفي الموارد المالية للمجلس لممارسة اختصاصاته؟",
        },
        {
            "هل تكفي الموارد المالية للمجلس لممارسة اختصاصاته؟": [
                "Les ressources financières du conseil suffisent-elles à l'exercice de ses compétences ?",
                "Are the council's financial resources enough for its competences?",
            ]
        },
    ),
    (
        {
            "code": "finance-sources",
            "field_type": "ranking",
            "label": "رتبوا مصادر التمويل التي يجب تعزيزها",
            "choices": "taxes | الجبايات المحلية\ntransfers | تحويلات الدولة\npartnerships | الشراكات",
            "show_if_code": "finance-sufficient",
            "show_if_value": "no",
        },
        {
            "رتبوا مصادر التمويل التي يجب تعزيزها": [
                "Classez les sources de financement à renforcer",
                "Rank the sources of funding to strengthen",
            ],
            "taxes | الجبايات المحلية": ["taxes | Fiscalité locale", "taxes | Local taxes"],
            "transfers | تحويلات الدولة": ["transfers | Transferts de l'État", "transfers | State transfers"],
            "partnerships | الشراكات": ["partnerships | Partenariats", "partnerships | Partnerships"],
        },
    ),
    (
        {"code": "axis-3", "field_type": "section", "label": "المحور الثالث: الموارد البشرية", "required": False},
        {"المحور الثالث: الموارد البشرية": ["Axe 3 : ressources humaines", "Axis 3: human resources"]},
    ),
    (
        {
            "code": "staff",
            "field_type": "matrix",
            "label": "قيموا وضعية الموارد البشرية",
            "matrix_items": "numbers | عدد الموظفين\nskills | المؤهلات\ntraining | التكوين المستمر",
            "min_value": 1,
            "max_value": 4,
        },
        {
            "قيموا وضعية الموارد البشرية": [
                "Évaluez la situation des ressources humaines",
                "Rate the human resources situation",
            ],
            "numbers | عدد الموظفين": ["numbers | Effectifs", "numbers | Staff numbers"],
            "skills | المؤهلات": ["skills | Qualifications", "skills | Qualifications"],
            "training | التكوين المستمر": ["training | Formation continue", "training | Continuing training"],
        },
    ),
    (
        {"code": "proposals", "field_type": "long_text", "label": "مقترحاتكم لخارطة الطريق", "required": False},
        {"مقترحاتكم لخارطة الطريق": ["Vos propositions pour la feuille de route", "Your proposals for the roadmap"]},
    ),
]

PUBLIC_QUESTIONS = [
    (
        {"code": "about-you", "field_type": "section", "label": "عنكم", "required": False},
        {"عنكم": ["Vous", "About you"]},
    ),
    (
        {"code": "district", "field_type": "short_text", "label": "الحي الذي تقطنون به", "max_length": 100},
        {"الحي الذي تقطنون به": ["Votre quartier", "Your neighbourhood"]},
    ),
    (
        {
            "code": "age-group",
            "field_type": "single_choice",
            "label": "الفئة العمرية",
            "widget": "dropdown",
            "choices": "under-25 | أقل من 25 سنة\n25-45 | من 25 إلى 45 سنة\nover-45 | أكثر من 45 سنة",
        },
        {
            "الفئة العمرية": ["Tranche d'âge", "Age group"],
            "under-25 | أقل من 25 سنة": ["under-25 | Moins de 25 ans", "under-25 | Under 25"],
            "25-45 | من 25 إلى 45 سنة": ["25-45 | De 25 à 45 ans", "25-45 | 25 to 45"],
            "over-45 | أكثر من 45 سنة": ["over-45 | Plus de 45 ans", "over-45 | Over 45"],
        },
    ),
    (
        {
            "code": "priority",
            "field_type": "single_choice",
            "label": "المجال الأكثر أولوية",
            "choices": "roads | الطرق والإنارة\nyouth | فضاءات الشباب\ngreen | المساحات الخضراء",
            "allow_other": True,
        },
        {
            "المجال الأكثر أولوية": ["Le domaine le plus prioritaire", "The highest priority"],
            "roads | الطرق والإنارة": ["roads | Voirie et éclairage", "roads | Roads and lighting"],
            "youth | فضاءات الشباب": ["youth | Espaces pour les jeunes", "youth | Youth spaces"],
            "green | المساحات الخضراء": ["green | Espaces verts", "green | Green spaces"],
        },
    ),
    (
        {
            "code": "channels",
            "field_type": "multiple_choice",
            "label": "كيف تودون المشاركة؟",
            "choices": "meetings | اللقاءات العمومية\nonline | المنصة الرقمية\npetitions | العرائض",
            "min_choices": 1,
        },
        {
            "كيف تودون المشاركة؟": ["Comment souhaitez-vous participer ?", "How would you like to take part?"],
            "meetings | اللقاءات العمومية": ["meetings | Réunions publiques", "meetings | Public meetings"],
            "online | المنصة الرقمية": ["online | Plateforme en ligne", "online | Online platform"],
            "petitions | العرائض": ["petitions | Pétitions", "petitions | Petitions"],
        },
    ),
    (
        {"code": "attended", "field_type": "yes_no", "label": "هل سبق أن حضرتم لقاء تشاوريا؟"},
        {
            "هل سبق أن حضرتم لقاء تشاوريا؟": [
                "Avez-vous déjà assisté à une réunion de concertation ?",
                "Have you attended a consultation meeting before?",
            ]
        },
    ),
    (
        {
            "code": "attended-when",
            "field_type": "date",
            "label": "متى كان آخر لقاء؟",
            "required": False,
            "show_if_code": "attended",
            "show_if_value": "yes",
            "min_date": datetime.date(2015, 1, 1),
        },
        {"متى كان آخر لقاء؟": ["Quand a eu lieu la dernière réunion ?", "When was the last meeting?"]},
    ),
    (
        {
            "code": "trust",
            "field_type": "rating",
            "label": "ثقتكم في المجلس الجماعي",
            "min_value": 1,
            "max_value": 5,
            "min_label": "ضعيفة",
            "max_label": "قوية",
        },
        {
            "ثقتكم في المجلس الجماعي": [
                "Votre confiance dans le conseil communal",
                "Your trust in the commune council",
            ],
            "ضعيفة": ["Faible", "Low"],
            "قوية": ["Forte", "High"],
        },
    ),
    (
        {
            "code": "services",
            "field_type": "matrix",
            "label": "قيموا الخدمات",
            "matrix_items": "cleanliness | النظافة\nlighting | الإنارة\nreception | الاستقبال",
            "min_value": 1,
            "max_value": 5,
            "required": False,
        },
        {
            "قيموا الخدمات": ["Évaluez les services", "Rate the services"],
            "cleanliness | النظافة": ["cleanliness | Propreté", "cleanliness | Cleanliness"],
            "lighting | الإنارة": ["lighting | Éclairage", "lighting | Lighting"],
            "reception | الاستقبال": ["reception | Accueil", "reception | Reception"],
        },
    ),
    (
        {
            "code": "ranking",
            "field_type": "ranking",
            "label": "رتبوا المشاريع",
            "choices": "park | حديقة عمومية\nlibrary | مكتبة\nsport | ملعب القرب",
            "required": False,
        },
        {
            "رتبوا المشاريع": ["Classez les projets", "Rank the projects"],
            "park | حديقة عمومية": ["park | Jardin public", "park | Public garden"],
            "library | مكتبة": ["library | Bibliothèque", "library | Library"],
            "sport | ملعب القرب": ["sport | Terrain de proximité", "sport | Local sports ground"],
        },
    ),
    (
        {
            "code": "budget-share",
            "field_type": "number",
            "label": "كم في المائة من الميزانية يجب تخصيصها للمشاريع التشاركية؟",
            "min_value": 0,
            "max_value": 100,
            "required": False,
        },
        {
            "كم في المائة من الميزانية يجب تخصيصها للمشاريع التشاركية؟": [
                "Quel pourcentage du budget réserver aux projets participatifs ?",
                "What percentage of the budget should go to participatory projects?",
            ]
        },
    ),
    (
        {"code": "email", "field_type": "email", "label": "بريدكم الإلكتروني لتتبع النتائج", "required": False},
        {
            "بريدكم الإلكتروني لتتبع النتائج": [
                "Votre courriel pour suivre les résultats",
                "Your e-mail to follow the results",
            ]
        },
    ),
    (
        {"code": "idea", "field_type": "long_text", "label": "فكرتكم لمشروع", "required": False},
        {"فكرتكم لمشروع": ["Votre idée de projet", "Your project idea"]},
    ),
    (
        {
            "code": "photo",
            "field_type": "file",
            "label": "صورة أو وثيقة (اختياري)",
            "required": False,
            "allowed_extensions": "jpg, png, pdf",
            "max_file_megabytes": 5,
        },
        {"صورة أو وثيقة (اختياري)": ["Photo ou document (facultatif)", "Photo or document (optional)"]},
    ),
]

# These councils send their answers back as filled spreadsheets; the others answer online.
ANSWERED_BY_FILE = {"sefrou", "chefchaouen"}

MEMBER_ANSWERS = {
    "tetouan": {
        "competences-clarity": 3,
        "competences-issues": ["overlap", "decrees"],
        "finance-sufficient": "no",
        "finance-sources": ["transfers", "taxes", "partnerships"],
        "staff": {"numbers": 2, "skills": 3, "training": 2},
        "proposals": "توضيح الاختصاصات المشتركة عبر تعاقد مع الدولة.",
    },
    "sefrou": {
        "competences-clarity": 2,
        "competences-issues": ["convergence"],
        "finance-sufficient": "no",
        "finance-sources": ["partnerships", "transfers", "taxes"],
        "staff": {"numbers": 1, "skills": 2, "training": 1},
        "proposals": "برنامج تكوين مشترك بين أعضاء الشبكة.",
    },
    "tiznit": {
        "competences-clarity": 4,
        "competences-issues": ["decrees"],
        "finance-sufficient": "yes",
        "staff": {"numbers": 3, "skills": 3, "training": 2},
        "proposals": "",
    },
    "chefchaouen": {
        "competences-clarity": 3,
        "competences-issues": ["overlap", "other"],
        "competences-issues__other": "ضعف التنسيق مع المصالح اللاممركزة",
        "finance-sufficient": "no",
        "finance-sources": ["taxes", "partnerships", "transfers"],
        "staff": {"numbers": 2, "skills": 2, "training": 3},
        "proposals": "إحداث صندوق للتضامن بين المجالس.",
    },
}


def build(home, stdout=None) -> None:
    by_code = locales()
    index = child_page(home, ConsultationIndexPage, "consultations", title=INDEX_TITLES["ar"], show_in_menus=True)
    for code in LANGUAGE_CODES[1:]:
        translate(index, by_code[code], {INDEX_TITLES["ar"]: INDEX_TITLES[code]})
    now = timezone.now()
    competences = _consultation(
        index,
        by_code,
        slug="competences-des-conseils",
        titles=[
            "استشارة حول اختصاصات مجالس العمالات والأقاليم",
            "Consultation sur les compétences des conseils préfectoraux et provinciaux",
            "Consultation on the competences of prefectoral and provincial councils",
        ],
        intro="تبعا للورشة التفاعلية ليوم 2 مارس 2020، ولتوسيع دائرة النقاش حول خريطة العمل، ندعو المجالس الأعضاء إلى الإجابة عن هذه الاستمارة حول المحاور الثلاثة: الاختصاصات والالتقائية، الموارد المالية، الموارد البشرية.",
        audience=ConsultationPage.Audience.MEMBERS,
        opens_at=now - datetime.timedelta(days=20),
        closes_at=now + datetime.timedelta(days=40),
        questions=COMPETENCES_QUESTIONS,
    )
    _member_answers(competences)
    _consultation(
        index,
        by_code,
        slug="budget-participatif",
        titles=[
            "استشارة عمومية حول الميزانية التشاركية",
            "Consultation publique sur le budget participatif",
            "Public consultation on the participatory budget",
        ],
        intro="شاركوا في تحديد أولويات الميزانية التشاركية لجماعتكم.",
        audience=ConsultationPage.Audience.PUBLIC,
        opens_at=now - datetime.timedelta(days=5),
        closes_at=now + datetime.timedelta(days=60),
        questions=PUBLIC_QUESTIONS,
    )
    _proposals(home, by_code)
    if stdout:
        stdout.write(f"Consultations: {ConsultationPage.objects.count()} pages, {Response.objects.count()} responses.")


PROPOSALS_TITLES = {"ar": "مقترحات المواطنين", "fr": "Propositions citoyennes", "en": "Citizens' proposals"}
# Ideas echoing the points agreed in Tétouan's steering committee (seed 003).
DEMO_PROPOSALS = [
    (
        "tetouan",
        "transparency",
        "الميزانية المواطنة بطريقة برايل",
        "نشر الميزانية المواطنة بطريقة برايل وبلغة مبسطة حتى يطلع عليها جميع المواطنين.",
        "published",
        24,
    ),
    (
        "tetouan",
        "youth",
        "تفعيل مجلس الشباب",
        "إحداث مجلس للشباب يستشار في برامج الجماعة ويقترح مشاريع.",
        "published",
        17,
    ),
    (
        "sefrou",
        "citizen-participation",
        "قياس رضا المواطنين",
        "استمارة سنوية لقياس رضا المواطنين عن خدمات الجماعة ونشر نتائجها.",
        "published",
        9,
    ),
    (
        "agadir",
        "citizen-participation",
        "لقاءات الأحياء",
        "تنظيم لقاءات دورية في الأحياء لتتبع المشاريع.",
        "pending",
        0,
    ),
]


def _proposals(home, by_code) -> None:
    from home.models import Theme

    from .proposals import Proposal, ProposalsPage

    page = child_page(home, ProposalsPage, "proposals", title=PROPOSALS_TITLES["ar"], show_in_menus=True)
    for code in LANGUAGE_CODES[1:]:
        translate(page, by_code[code], {PROPOSALS_TITLES["ar"]: PROPOSALS_TITLES[code]})
    if Proposal.objects.filter(page=page).exists():
        return
    themes = {theme.code: theme for theme in Theme.objects.filter(locale=page.locale)}
    communes = {commune.slug: commune for commune in CommunePage.objects.filter(locale=page.locale)}
    for commune, theme, title, description, status, supports in DEMO_PROPOSALS:
        Proposal.objects.create(
            page=page,
            title=title,
            description=description,
            theme=themes.get(theme),
            commune=communes.get(commune),
            language="ar",
            consent_given_at=timezone.now(),
            status=status,
            supports=supports,
        )


def _consultation(index, by_code, *, slug, titles, intro, questions, **fields) -> ConsultationPage:
    page = index.get_children().filter(slug=slug).specific().first()
    if page is None:
        page = ConsultationPage(
            slug=slug,
            title=titles[0],
            locale=index.locale,
            intro=RichText(f"<p>{intro}</p>"),
            thank_you_text=RichText("<p>شكرا على مشاركتكم.</p>"),
            privacy_notice=RichText(
                "<p>تعالج الشبكة المعطيات الشخصية المقدمة في هذه الاستمارة لغرض هذه الاستشارة فقط، طبقا للقانون 09.08.</p>"
            ),
            **fields,
        )
        for order, (question, _strings) in enumerate(questions):
            page.questions.add(Question(sort_order=order, **{"required": True, **question}))
        index.add_child(instance=page)
        publish(page)
    for position, code in enumerate(LANGUAGE_CODES[1:], start=1):
        strings = {titles[0]: titles[position]}
        for question, question_strings in questions:
            line_translations = {source: targets[position - 1] for source, targets in question_strings.items()}
            strings.update(line_translations)
            # wagtail-localize shows a list of choices as one text, lines joined by <br/>.
            for field in ("choices", "matrix_items"):
                if question.get(field):
                    lines = question[field].splitlines()
                    source = "<br/>".join(lines)
                    strings[source] = "<br/>".join(line_translations.get(line, line) for line in lines)
        translate(page, by_code[code], strings)
    return page


def _member_answers(consultation: ConsultationPage) -> None:
    members = {page.slug: page for page in CommunePage.objects.filter(locale=consultation.locale)}
    for member in members.values():
        MemberInvitation.objects.get_or_create(consultation_key=consultation.translation_key, member=member)
    for slug, answers in MEMBER_ANSWERS.items():
        member = members[slug]
        if Response.objects.filter(consultation_key=consultation.translation_key, member=member).exists():
            continue
        if slug in ANSWERED_BY_FILE:
            _answer_by_file(consultation, member, answers)
        else:
            Response.objects.create(
                consultation_key=consultation.translation_key,
                member=member,
                page=consultation,
                language="ar",
                form_data=answers,
                channel=Response.Channel.ONLINE,
            )


def _answer_by_file(consultation: ConsultationPage, member: CommunePage, answers: dict) -> None:
    """The council downloads its questionnaire, fills it in a spreadsheet and sends it back."""
    blank = io.BytesIO()
    build_form_workbook(consultation, blank, member_key=str(member.translation_key))
    filled = fill_form_workbook(blank.getvalue(), answers_to_cells(consultation, answers))
    read = read_form_workbook(consultation, SimpleUploadedFile(f"{member.slug}.xlsx", filled))
    response, form = consultation.save_offline_answers(read.data, member=member, channel=Response.Channel.FILE)
    if response is None:
        raise ValueError(f"Demo answers of {member.slug} do not validate: {form.errors}")
