# ruff: noqa: E501 - seed texts: long Arabic and French sentences read better unbroken.
"""Demo content for workshops, minutes, recommendations and Tétouan's action plan.

Drawn from the network's public documents (the seeds): the second meeting of the
network in Sefrou (30–31 March 2016), the interactive workshop on the competences
of prefecture and province councils (2 March 2020), the meeting on the Communes
Performance Programme in Agadir (25–26 March 2022) and the minutes of Tétouan's
local steering committee (14 November 2022). Texts were reorganised and lightly
cleaned, not invented, except where marked *demo*: session slots, the Agadir
recommendations' wording (the seed says they were read out, not what they were),
follow-up notes, communes' uptake, and the action plan's activities, dates and
indicator values.

People are named only where they spoke or acted in a public office (governors,
presidents, elected officials, commune staff); civil-society participants of the
Tétouan committee are entered but not shown publicly (`public: False`).

Tétouan's commitments, agenda and opening points in French come from the
network's own content (`home.demo.content`), so that both stay the same.
"""

from home.demo import content as network_content


def _tetouan_list(heading: str) -> list[str]:
    """A French list of Tétouan's experience page, found by the heading before it."""
    experience = next(item for item in network_content.EXPERIENCES if item["commune"] == "tetouan")
    blocks = experience["body"]
    position = next(number for number, block in enumerate(blocks) if block[:2] == ("heading", heading))
    return next(block[1] for block in blocks[position + 1 :] if block[0] == "list")


INDEX = {
    "title": {"ar": "الورشات واللقاءات", "fr": "Ateliers et rencontres", "en": "Workshops and meetings"},
    "intro": {
        "ar": "ورشات الشبكة وأيامها الدراسية ولقاءاتها، بتقاريرها وتوصياتها وتتبع تنفيذها.",
        "fr": "Les ateliers, journées d'étude et rencontres du réseau, avec leurs rapports, leurs recommandations et leur suivi.",
        "en": "The network's workshops, study days and meetings, with their reports, recommendations and follow-up.",
    },
}
COMPILATION = {
    "title": {
        "ar": "توصيات الورشات واللقاءات",
        "fr": "Recommandations des ateliers et rencontres",
        "en": "Recommendations of workshops and meetings",
    },
    "intro": {
        "ar": "كل التوصيات الصادرة عن ورشات الشبكة ولقاءاتها، حسب المحور والموضوع والسنة والجماعة، مع وضعية تنفيذها.",
        "fr": "Toutes les recommandations issues des ateliers et rencontres du réseau, par axe, thème, année et commune, avec leur état d'avancement.",
        "en": "Every recommendation of the network's workshops and meetings, by axis, theme, year and commune, with where it stands.",
    },
}

AXES = [
    {"code": "transparency", "name": {"ar": "الشفافية", "fr": "Transparence", "en": "Transparency"}},
    {
        "code": "citizen-participation",
        "name": {"ar": "المشاركة المواطنة", "fr": "Participation citoyenne", "en": "Citizen participation"},
    },
    {
        "code": "integrity-accountability",
        "name": {"ar": "النزاهة والمسؤولية", "fr": "Intégrité et responsabilité", "en": "Integrity and accountability"},
    },
    {
        "code": "service-innovation",
        "name": {
            "ar": "الابتكار لتحسين الخدمات",
            "fr": "Innovation pour l'amélioration des services",
            "en": "Innovation in services",
        },
    },
    {
        "code": "competences",
        "name": {
            "ar": "الاختصاصات والالتقائية",
            "fr": "Compétences et convergence",
            "en": "Competences and convergence",
        },
    },
    {
        "code": "financial-resources",
        "name": {"ar": "الموارد المالية", "fr": "Ressources financières", "en": "Financial resources"},
    },
    {
        "code": "human-resources",
        "name": {"ar": "الموارد البشرية", "fr": "Ressources humaines", "en": "Human resources"},
    },
]

ORGANISATIONS = [
    {
        "code": "network",
        "acronym": "",
        "colour": "#0b6e4f",
        "website": "",
        "name": {
            "ar": "الشبكة المغربية للحكامة التشاركية",
            "fr": "Réseau marocain pour la gouvernance participative",
            "en": "Moroccan Network for Participatory Governance",
        },
    },
    {
        "code": "ampcpp",
        "acronym": "AMPCPP",
        "colour": "#7a3e9d",
        "website": "",
        "name": {
            "ar": "الجمعية المغربية لرؤساء مجالس العمالات والأقاليم",
            "fr": "Association marocaine des présidents des conseils préfectoraux et provinciaux",
            "en": "Moroccan Association of Presidents of Prefecture and Province Councils",
        },
    },
    {
        "code": "dgct",
        "acronym": "DGCT",
        "colour": "#c0392b",
        "website": "",
        "name": {
            "ar": "المديرية العامة للجماعات الترابية",
            "fr": "Direction générale des collectivités territoriales",
            "en": "General Directorate of Territorial Collectivities",
        },
    },
    {
        "code": "giz",
        "acronym": "GIZ",
        "colour": "#2e86c1",
        "website": "",
        "name": {"ar": "التعاون الألماني", "fr": "Coopération allemande", "en": "German Cooperation"},
    },
    {
        "code": "tarka",
        "acronym": "",
        "colour": "#d68910",
        "website": "",
        "name": {"ar": "جمعية تاركا", "fr": "Association Tarka", "en": "Tarka association"},
    },
    {
        "code": "finance",
        "acronym": "",
        "colour": "#566573",
        "website": "",
        "name": {
            "ar": "وزارة الاقتصاد والمالية",
            "fr": "Ministère de l'Économie et des Finances",
            "en": "Ministry of Economy and Finance",
        },
    },
    {
        "code": "world-bank",
        "acronym": "",
        "colour": "#1f618d",
        "website": "",
        "name": {"ar": "البنك الدولي", "fr": "Banque mondiale", "en": "World Bank"},
    },
    {
        "code": "afd",
        "acronym": "AFD",
        "colour": "#117a65",
        "website": "",
        "name": {
            "ar": "الوكالة الفرنسية للتنمية",
            "fr": "Agence française de développement",
            "en": "French Development Agency",
        },
    },
]

ALL_MEMBERS = [commune["slug"] for commune in network_content.COMMUNES]

# --- Seed 004: the network's second meeting, Sefrou, 30–31 March 2016 --------------------------------

SEFROU_2016 = {
    "slug": "sefrou-2016-deuxieme-rencontre",
    "kind": "network_meeting",
    "title": {
        "ar": "الملتقى الثاني للشبكة المغربية للحكامة التشاركية: آليات المشاركة في بلورة مخطط العمل الجماعي",
        "fr": "Deuxième rencontre du réseau : la participation à l'élaboration du plan d'action communal",
        "en": "The network's second meeting: participation in drawing up the commune action plan",
    },
    "summary": {
        "ar": "احتضنت صفرو يومي 30 و31 مارس 2016 الملتقى الثاني للشبكة حول آليات المشاركة في بلورة مخطط العمل الجماعي، بمجموعات عمل وزيارات ميدانية.",
        "fr": "Sefrou a accueilli les 30 et 31 mars 2016 la deuxième rencontre du réseau, sur la participation au plan d'action communal : groupes de travail et visites de terrain.",
        "en": "Sefrou hosted the network's second meeting on 30 and 31 March 2016, on participation in the commune action plan: working groups and field visits.",
    },
    "start": "2016-03-30",
    "end": "2016-03-31",
    "city": {"ar": "صفرو", "fr": "Sefrou", "en": "Sefrou"},
    "venue": {"ar": "", "fr": "", "en": ""},
    "theme": "local-development-planning",
    "organisers": ["network"],
    "partners": ["dgct", "giz", "tarka"],
    "communes": ALL_MEMBERS,
    "participants": [
        (
            {"ar": "عبد السلام زوكار", "fr": "Abdeslam Zoukar", "en": "Abdeslam Zoukar"},
            {"ar": "عامل إقليم صفرو", "fr": "Gouverneur de la province de Sefrou", "en": "Governor of Sefrou Province"},
            {"ar": "", "fr": "", "en": ""},
            True,
        ),
        (
            {"ar": "جمال الفيلالي", "fr": "Jamal Filali", "en": "Jamal Filali"},
            {
                "ar": "رئيس مجلس جماعة صفرو",
                "fr": "Président du conseil de la commune de Sefrou",
                "en": "President of Sefrou commune council",
            },
            {"ar": "جماعة صفرو", "fr": "Commune de Sefrou", "en": "Sefrou commune"},
            True,
        ),
        (
            {"ar": "محمد النية", "fr": "Mohamed Nia", "en": "Mohamed Nia"},
            {"ar": "مديرية الممتلكات", "fr": "Direction du patrimoine", "en": "Directorate of Property"},
            {
                "ar": "المديرية العامة للجماعات المحلية",
                "fr": "Direction générale des collectivités locales",
                "en": "General Directorate of Local Collectivities",
            },
            True,
        ),
    ],
    # Days and titles from the seed; no time slots were published.
    "sessions": [
        (
            "2016-03-30",
            {"ar": "الجلسة الافتتاحية", "fr": "Séance d'ouverture", "en": "Opening session"},
            {
                "ar": "عامل إقليم صفرو، رئيس مجلس الجماعة، ممثل المديرية العامة للجماعات المحلية، ممثل التعاون الألماني",
                "fr": "Le gouverneur de la province, le président du conseil communal, la DGCL, la coopération allemande",
                "en": "The provincial governor, the commune council's president, the DGCL, German cooperation",
            },
        ),
        (
            "2016-03-30",
            {
                "ar": "مجموعات العمل حول آليات الحكامة التشاركية المحلية",
                "fr": "Groupes de travail sur les mécanismes de la gouvernance participative locale",
                "en": "Working groups on local participatory governance mechanisms",
            },
            {"ar": "جمعية تاركا", "fr": "Association Tarka", "en": "Tarka association"},
        ),
        (
            "2016-03-30",
            {
                "ar": "زيارات ميدانية: مكاتب الحالة المدنية، الافتحاص الداخلي، مصلحة تدبير الشكايات",
                "fr": "Visites de terrain : bureaux d'état civil, audit interne, service des réclamations",
                "en": "Field visits: civil registry offices, internal audit, complaints service",
            },
            {"ar": "", "fr": "", "en": ""},
        ),
        (
            "2016-03-31",
            {
                "ar": "الحكامة التشاركية في القوانين التنظيمية للجماعات الترابية",
                "fr": "La gouvernance participative dans les lois organiques des collectivités territoriales",
                "en": "Participatory governance in the organic laws on territorial collectivities",
            },
            {"ar": "", "fr": "", "en": ""},
        ),
        (
            "2016-03-31",
            {
                "ar": "مرحلة التشخيص وآليات التشخيص التشاركي، ثم التخطيط واعتماد برنامج عمل الجماعة",
                "fr": "Le diagnostic participatif, puis la planification et l'adoption du programme d'action de la commune",
                "en": "Participatory diagnosis, then planning and adoption of the commune action programme",
            },
            {"ar": "", "fr": "", "en": ""},
        ),
        (
            "2016-03-31",
            {
                "ar": "عرض نموذج لميثاق الحكامة التشاركية المحلية",
                "fr": "Présentation d'un modèle de charte de la gouvernance participative locale",
                "en": "A model charter of local participatory governance",
            },
            {"ar": "", "fr": "", "en": ""},
        ),
    ],
    "groups": [
        (
            {
                "ar": "المناصفة وتكافؤ الفرص ومقاربة النوع",
                "fr": "Parité, égalité des chances et approche genre",
                "en": "Parity, equal opportunities and gender",
            },
            {
                "ar": "التفكير في طرق وضع وتوظيف آلية المناصفة وتكافؤ الفرص ومقاربة النوع.",
                "fr": "Comment mettre en place et faire vivre l'instance de la parité, de l'égalité des chances et de l'approche genre.",
                "en": "How to set up and run the parity, equal opportunities and gender mechanism.",
            },
        ),
        (
            {
                "ar": "آليات التشاور والحوار",
                "fr": "Mécanismes de concertation et de dialogue",
                "en": "Consultation and dialogue mechanisms",
            },
            {
                "ar": "وضع وتوظيف آليات التشاور والحوار مع الساكنة والمجتمع المدني.",
                "fr": "Mettre en place et utiliser la concertation et le dialogue avec la population et la société civile.",
                "en": "Setting up and using consultation and dialogue with residents and civil society.",
            },
        ),
        (
            {
                "ar": "تتبع وتقييم برنامج عمل الجماعة (المجموعة 1)",
                "fr": "Suivi et évaluation du programme d'action communal (groupe 1)",
                "en": "Monitoring and evaluating the commune action programme (group 1)",
            },
            {
                "ar": "دراسة الآليات التشاركية لتتبع وتقييم تفعيل برنامج عمل الجماعة والخروج بمقترحات عملية.",
                "fr": "Étudier les mécanismes participatifs de suivi et d'évaluation du programme d'action communal et formuler des propositions pratiques.",
                "en": "Study participatory monitoring and evaluation of the commune action programme and make practical proposals.",
            },
        ),
        (
            {
                "ar": "تتبع وتقييم برنامج عمل الجماعة (المجموعة 2)",
                "fr": "Suivi et évaluation du programme d'action communal (groupe 2)",
                "en": "Monitoring and evaluating the commune action programme (group 2)",
            },
            {
                "ar": "دراسة الآليات التشاركية لتتبع وتقييم تفعيل برنامج عمل الجماعة والخروج بمقترحات عملية.",
                "fr": "Étudier les mécanismes participatifs de suivi et d'évaluation du programme d'action communal et formuler des propositions pratiques.",
                "en": "Study participatory monitoring and evaluation of the commune action programme and make practical proposals.",
            },
        ),
    ],
    "report": [
        (
            "paragraph",
            "احتضنت مدينة صفرو يومي 30 و31 مارس 2016 الملتقى الثاني للشبكة المغربية للحكامة التشاركية حول موضوع «آليات المشاركة في بلورة مخطط العمل الجماعي»، بالشراكة مع المديرية العامة للجماعات المحلية والتعاون الألماني، في إطار برنامج التعاون CoMun للمدن والبلديات بالفضاء المغاربي.",
        ),
        (
            "quote",
            "نحن فخورون باحتضان هذا اللقاء خصوصا بعد ما انخرطت مدينة صفرو في عدة تجارب تشاركية بكل جدية، من أجل تحقيق تنمية حقيقية.",
            "عامل إقليم صفرو",
        ),
        (
            "paragraph",
            "أكد رئيس مجلس جماعة صفرو أن المدينة من الجماعات القلائل التي طبقت برنامج الحكامة التشاركية بتكاليف ذاتية ونجحت في فتح حوار جماعي. وذكر ممثل المديرية العامة للجماعات المحلية بأن دستور 2011 جعل من التشاور أحد أهم شروط الحكامة المحلية.",
        ),
        (
            "paragraph",
            "تواصلت الأشغال بتشكيل مجموعات عمل نشطتها جمعية تاركا، واختتم اليوم الأول بزيارات ميدانية لمقر الجماعة الحضرية لصفرو للاطلاع على تجربتها في مكاتب الحالة المدنية والافتحاص الداخلي وتدبير الشكايات.",
        ),
        (
            "paragraph",
            "شارك في الملتقى منتخبون وأطر ممثلة للجماعات الخمس عشرة الأعضاء في الشبكة، وممثلون عن المديرية العامة للجماعات المحلية والتعاون الألماني والمجتمع المدني.",
        ),
    ],
    "points_discussed": [
        "آليات المناصفة وتكافؤ الفرص ومقاربة النوع.",
        "آليات التشاور والحوار مع الساكنة.",
        "المقتضيات المتعلقة بالحكامة التشاركية في القوانين التنظيمية للجماعات الترابية.",
        "مرحلة التشخيص وآليات التشخيص التشاركي.",
        "مرحلة التخطيط واعتماد برنامج عمل الجماعة.",
        "الآليات التشاركية لتتبع وتقييم تفعيل برنامج عمل الجماعة.",
    ],
    "points_agreed": [
        "الخروج بمقترحات عملية لتتبع وتقييم برنامج عمل الجماعة بشكل تشاركي.",
        "اعتماد نموذج ميثاق الحكامة التشاركية المحلية أرضية للنقاش داخل الجماعات الأعضاء.",
    ],
    "outcome": {
        "ar": "مقترحات عملية لتتبع وتقييم برنامج عمل الجماعة، ونموذج لميثاق الحكامة التشاركية المحلية، وعروض متاحة للتحميل.",
        "fr": "Des propositions pratiques pour suivre et évaluer le programme d'action communal, un modèle de charte de la gouvernance participative locale et des présentations à télécharger.",
        "en": "Practical proposals for monitoring and evaluating the commune action programme, a model local participatory governance charter and presentations to download.",
    },
    "recommendations": [],
    "documents": [
        (
            "Sefrou 2016 — Cadre juridique du programme d'action de la commune",
            "sefrou-2016-cadre-juridique.pdf",
            {
                "ar": "الإطار القانوني لبرنامج عمل الجماعة",
                "fr": "Le cadre juridique du programme d'action de la commune",
                "en": "The legal framework of the commune action programme",
            },
        ),
        (
            "Sefrou 2016 — Phase de diagnostic",
            "sefrou-2016-diagnostic.pdf",
            {"ar": "مرحلة التشخيص", "fr": "La phase de diagnostic", "en": "The diagnosis phase"},
        ),
        (
            "Sefrou 2016 — Phase de planification",
            "sefrou-2016-planification.pdf",
            {"ar": "مرحلة التخطيط", "fr": "La phase de planification", "en": "The planning phase"},
        ),
        (
            "Sefrou 2016 — Phase de préparation",
            "sefrou-2016-preparation.pdf",
            {"ar": "مرحلة التحضير", "fr": "La phase de préparation", "en": "The preparation phase"},
        ),
        (
            "Sefrou 2016 — Étapes d'élaboration",
            "sefrou-2016-etapes.pdf",
            {"ar": "مراحل الإعداد", "fr": "Les étapes d'élaboration", "en": "The drafting stages"},
        ),
        (
            "Sefrou 2016 — La commune citoyenne",
            "sefrou-2016-commune-citoyenne.pdf",
            {"ar": "ميزة الجماعة المواطنة", "fr": "La commune citoyenne", "en": "The citizen commune"},
        ),
        (
            "Sefrou 2016 — La planification communale",
            "sefrou-2016-planification-communale.pdf",
            {"ar": "التخطيط الجماعي", "fr": "La planification communale", "en": "Commune planning"},
        ),
    ],
    "photos": [
        (
            "Sefrou 2016 — séance d'ouverture",
            "Sefrou 2016",
            "#8e44ad",
            {"ar": "الجلسة الافتتاحية", "fr": "La séance d'ouverture", "en": "The opening session"},
        ),
        (
            "Sefrou 2016 — groupes de travail",
            "Groupes de travail",
            "#16a085",
            {"ar": "مجموعات العمل", "fr": "Les groupes de travail", "en": "The working groups"},
        ),
    ],
    "videos": [],
}

# --- Seed 001: interactive workshop on the councils' competences, 2 March 2020 ------------------------------

COMPETENCES_2020 = {
    "slug": "atelier-competences-conseils-2020",
    "kind": "workshop",
    "title": {
        "ar": "ورشة تفاعلية حول اختصاصات مجالس العمالات والأقاليم",
        "fr": "Atelier interactif sur les compétences des conseils préfectoraux et provinciaux",
        "en": "Interactive workshop on the competences of prefecture and province councils",
    },
    "summary": {
        "ar": "ورشة تفاعلية لتوسيع النقاش حول خريطة العمل التي أعدتها خلية التفكير، خرجت بثلاثة محاور تشكل خريطة الطريق: الاختصاصات والالتقائية، الموارد المالية، الموارد البشرية.",
        "fr": "Un atelier interactif pour élargir le débat sur la feuille de route de la cellule de réflexion ; il en est sorti trois axes : compétences et convergence, ressources financières, ressources humaines.",
        "en": "An interactive workshop to widen the debate on the think tank's roadmap; it produced three axes: competences and convergence, financial resources, human resources.",
    },
    "start": "2020-03-02",
    "end": None,
    "city": {"ar": "الرباط", "fr": "Rabat", "en": "Rabat"},
    "venue": {
        "ar": "مقر المديرية العامة للجماعات الترابية",
        "fr": "Siège de la Direction générale des collectivités territoriales",
        "en": "Headquarters of the General Directorate of Territorial Collectivities",
    },
    "theme": "decentralisation",
    "organisers": ["ampcpp", "dgct"],
    "partners": [],
    "communes": [],
    "participants": [],
    "sessions": [],
    "groups": [],
    "report": [
        (
            "paragraph",
            "في إطار مصاحبة مجالس العمالات والأقاليم لممارسة الصلاحيات المخولة إليها بموجب القانون التنظيمي المتعلق بها، وتبعا لاستقبال السيد الوالي المدير العام للجماعات المحلية لأعضاء من المكتب التنفيذي للجمعية يوم 20 يناير 2020، أحدثت خلية تفكير برئاسة السيد العامل المكلف بالتعاون والتوثيق لتقديم رؤية تعزز تموقع هذه الجماعة الترابية.",
        ),
        (
            "paragraph",
            "ولتوسيع دائرة النقاش حول خريطة العمل التي أنتجتها الخلية، نظمت يوم الاثنين 2 مارس 2020 بمقر المديرية العامة ورشة تفاعلية تحت الرئاسة المزدوجة للسيد العامل المشرف على الخلية والسيد رئيس الجمعية، بحضور رؤساء أعضاء في المكتب التنفيذي وخمسة رؤساء أقسام الجماعات المحلية وخمسة مدراء عامين للمصالح وإطار متخصص بالمديرية وأطر من الجمعية.",
        ),
        (
            "paragraph",
            "ستشكل مخرجات الورشة خريطة الطريق لتصحيح مسار عمل هذه الجماعة الترابية باتخاذ ما يجب من تدابير إدارية وتنظيمية وقانونية، ومرجعا لمواصلة الحوار العمومي لتعزيز دور مجالس العمالات والأقاليم في مسلسل اللامركزية.",
        ),
    ],
    "points_discussed": [
        "غموض الاختصاصات وغياب الالتقائية بين مخططات التنمية وبعض البرامج العمومية التي تتقاطع مع اختصاصات مجالس العمالات والأقاليم في المجال الاجتماعي.",
        "سبل تحسين الموارد المالية الذاتية وتنويع آليات تمويل المشاريع والبرامج.",
        "الموارد البشرية وما يطرحه تدبيرها من خصاص في التأطير وتتبع المشاريع.",
    ],
    "points_agreed": [
        "اعتماد المحاور الثلاثة خريطة طريق لعمل مجالس العمالات والأقاليم.",
        "توسيع دائرة التشاور والاقتراحات عبر استمارة توجه إلى الجمعية بالبريد الإلكتروني.",
    ],
    "outcome": {
        "ar": "ثلاثة محاور تشكل خريطة الطريق. لتوسيع دائرة التشاور والاقتراحات، يرجى تحميل الاستمارة وتوجيهها إلى الجمعية عبر البريد الإلكتروني.",
        "fr": "Trois axes qui forment la feuille de route. Pour élargir la concertation et les propositions, téléchargez le formulaire et renvoyez-le à l'association par courriel.",
        "en": "Three axes that make the roadmap. To widen the consultation and the proposals, download the form and send it back to the association by e-mail.",
    },
    "recommendations": [
        {
            "axis": "competences",
            "priority": "high",
            "addressee": "state",
            "themes": ["decentralisation"],
            "text": {
                "ar": "توضيح الاختصاصات الذاتية والمشتركة لمجالس العمالات والأقاليم وضمان الالتقائية بين مخططات التنمية والبرامج العمومية التي تتقاطع معها في المجال الاجتماعي.",
                "fr": "Clarifier les compétences propres et partagées des conseils préfectoraux et provinciaux et assurer la convergence entre leurs plans de développement et les programmes publics qui les recoupent dans le domaine social.",
                "en": "Clarify the own and shared competences of prefecture and province councils and make their development plans converge with the public programmes that overlap them in the social field.",
            },
        },
        {
            "axis": "financial-resources",
            "priority": "high",
            "addressee": "councils",
            "themes": ["decentralisation"],
            "text": {
                "ar": "تحسين الموارد المالية الذاتية وتنويع آليات تمويل المشاريع والبرامج.",
                "fr": "Améliorer les ressources financières propres et diversifier les mécanismes de financement des projets et programmes.",
                "en": "Improve own financial resources and diversify the ways projects and programmes are funded.",
            },
        },
        {
            "axis": "human-resources",
            "priority": "medium",
            "addressee": "state",
            "themes": ["decentralisation"],
            "text": {
                "ar": "سد الخصاص في التأطير وتتبع المشاريع، وابتكار آليات قانونية لتحفيز الوظيفة الترابية واستقطاب الكفاءات.",
                "fr": "Combler le manque d'encadrement et de suivi des projets, et créer des mécanismes juridiques qui rendent la fonction publique territoriale attractive pour les compétences.",
                "en": "Fill the gaps in supervision and project monitoring, and create legal means to make the territorial civil service attractive to skilled staff.",
            },
        },
    ],
    "documents": [
        (
            "Atelier du 2 mars 2020 — formulaire de contribution",
            "atelier-2020-formulaire.pdf",
            {
                "ar": "استمارة توسيع التشاور والاقتراحات",
                "fr": "Formulaire de contribution à la concertation",
                "en": "Contribution form",
            },
        ),
    ],
    "photos": [],
    "videos": [],
}

# --- Seed 002: Communes Performance Programme, Agadir, 25–26 March 2022 -----------------------------------------

AGADIR_2022 = {
    "slug": "agadir-2022-performance-des-communes",
    "kind": "study_day",
    "title": {
        "ar": "لقاء تواصلي حول برنامج تحسين أداء الجماعات",
        "fr": "Rencontre sur le Programme d'amélioration de la performance des communes",
        "en": "Meeting on the Communes Performance Programme",
    },
    "summary": {
        "ar": "لقاء على مدى يومين بأكادير حول برنامج تحسين أداء الجماعات: خمسة محاور استراتيجية وثلاثة مشاريع فرعية وثلاث ورشات تليت توصياتها في اليوم الثاني.",
        "fr": "Deux jours à Agadir sur le Programme d'amélioration de la performance des communes : cinq axes stratégiques, trois sous-projets et trois ateliers dont les recommandations ont été lues le deuxième jour.",
        "en": "Two days in Agadir on the Communes Performance Programme: five strategic axes, three sub-projects and three workshops whose recommendations were read out on day two.",
    },
    "start": "2022-03-25",
    "end": "2022-03-26",
    "city": {"ar": "أكادير", "fr": "Agadir", "en": "Agadir"},
    "venue": {"ar": "", "fr": "", "en": ""},
    "theme": "service-innovation",
    "organisers": ["dgct"],
    "partners": ["finance", "world-bank", "afd"],
    "communes": ["agadir", "tiznit", "taroudant", "guelmim"],
    "participants": [
        (
            {"ar": "خاليد سفير", "fr": "Khalid Safir", "en": "Khalid Safir"},
            {
                "ar": "الوالي المدير العام للجماعات الترابية",
                "fr": "Wali, directeur général des collectivités territoriales",
                "en": "Wali, Director General of Territorial Collectivities",
            },
            {"ar": "وزارة الداخلية", "fr": "Ministère de l'Intérieur", "en": "Ministry of the Interior"},
            True,
        ),
        (
            {"ar": "محمد بنيس", "fr": "Mohamed Bennis", "en": "Mohamed Bennis"},
            {
                "ar": "رئيس قسم نجاعة أداء الجماعات الترابية ومنسق البرنامج",
                "fr": "Chef de la division de la performance des collectivités territoriales, coordinateur du programme",
                "en": "Head of the territorial performance division, programme coordinator",
            },
            {
                "ar": "المديرية العامة للجماعات الترابية",
                "fr": "Direction générale des collectivités territoriales",
                "en": "General Directorate of Territorial Collectivities",
            },
            True,
        ),
    ],
    "sessions": [
        (
            "2022-03-25",
            {
                "ar": "الكلمة الافتتاحية: البرنامج الاستراتيجي للمديرية العامة ومحاوره الخمسة",
                "fr": "Ouverture : le programme stratégique de la Direction générale et ses cinq axes",
                "en": "Opening: the Directorate General's strategic programme and its five axes",
            },
            {"ar": "خاليد سفير", "fr": "Khalid Safir", "en": "Khalid Safir"},
        ),
        (
            "2022-03-25",
            {
                "ar": "سياق البرنامج ومعاييره ومشاريعه الفرعية الثلاثة",
                "fr": "Contexte, critères et trois sous-projets du programme",
                "en": "The programme's context, criteria and three sub-projects",
            },
            {"ar": "محمد بنيس", "fr": "Mohamed Bennis", "en": "Mohamed Bennis"},
        ),
        (
            "2022-03-25",
            {"ar": "ثلاث ورشات متوازية", "fr": "Trois ateliers en parallèle", "en": "Three parallel workshops"},
            {"ar": "", "fr": "", "en": ""},
        ),
        (
            "2022-03-26",
            {
                "ar": "قراءة توصيات الورشات",
                "fr": "Lecture des recommandations des ateliers",
                "en": "Reading of the workshops' recommendations",
            },
            {"ar": "الأطر المكلفة بالتنسيق", "fr": "Les coordinateurs des ateliers", "en": "The workshop coordinators"},
        ),
        (
            "2022-03-26",
            {
                "ar": "عرض فيديو لأقوى لحظات اللقاء واختتام الأشغال",
                "fr": "Vidéo des temps forts et clôture",
                "en": "Highlights video and closing",
            },
            {"ar": "خاليد سفير", "fr": "Khalid Safir", "en": "Khalid Safir"},
        ),
    ],
    "groups": [
        (
            {
                "ar": "تقييم أداء الجماعات وتحفيزها",
                "fr": "Évaluer la performance des communes et l'encourager",
                "en": "Assessing and rewarding communes' performance",
            },
            {
                "ar": "تطوير نظام تقييم أداء الجماعات المستهدفة وتحفيزها.",
                "fr": "Développer le système d'évaluation de la performance des communes ciblées et d'incitation.",
                "en": "Developing the system that assesses and rewards the performance of the communes in the programme.",
            },
        ),
        (
            {
                "ar": "التعاون بين الجماعات الترابية",
                "fr": "La coopération entre collectivités territoriales",
                "en": "Cooperation between territorial collectivities",
            },
            {
                "ar": "تعزيز التعاون بين الجماعات الترابية.",
                "fr": "Renforcer la coopération entre les collectivités territoriales.",
                "en": "Strengthening cooperation between territorial collectivities.",
            },
        ),
        (
            {"ar": "تقوية القدرات", "fr": "Le renforcement des capacités", "en": "Capacity building"},
            {
                "ar": "تقوية قدرات الجماعات في تدبير المشاريع والإدارة المالية والشفافية والنزاهة.",
                "fr": "Renforcer les capacités des communes en gestion de projets, gestion financière, transparence et intégrité.",
                "en": "Building communes' capacities in project and financial management, transparency and integrity.",
            },
        ),
    ],
    "report": [
        (
            "quote",
            "أضحت الجماعات عبر تطورها شريكا متميزا للدولة وفاعلا استراتيجيا في التنمية نتيجة اتساع نطاق اختصاصاتها وارتباطها بخدمات القرب للمواطنين والمقاولات.",
            "الوالي المدير العام للجماعات الترابية",
        ),
        (
            "paragraph",
            "أطلقت وزارة الداخلية برنامج تحسين أداء الجماعات سنة 2019 بشراكة مع وزارة الاقتصاد والمالية والبنك الدولي والوكالة الفرنسية للتنمية لمدة خمس سنوات. يستهدف البرنامج 103 جماعة، ويهدف إلى تعزيز الحكامة الجيدة وتحسين الخدمات المقدمة للمواطنين والمقاولات وتقوية الموارد البشرية والمالية للجماعات.",
        ),
        ("heading", "المحاور الاستراتيجية الخمسة للمديرية العامة"),
        (
            "list",
            [
                "ضمان تناسق العمل العمومي على المستوى الترابي",
                "دعم ومواكبة الجماعات الترابية في ممارسة اختصاصاتها",
                "مواكبة المنتخبين لأداء مسؤولياتهم ودعم المشاركة المواطنة",
                "تعزيز وسائل وقدرات الجماعات الترابية",
                "جعل المديرية العامة للجماعات الترابية محركا للامركزية وفاعلا أساسيا في مجال اللاتمركز الإداري",
            ],
        ),
        (
            "paragraph",
            "شارك في اللقاء والي جهة سوس ماسة والعمال المدراء بالمديرية العامة ورؤساء الجماعات الترابية والمنتخبون وموظفو الجماعات وأطر المديرية العامة وممثلون عن الإدارة المركزية والترابية.",
        ),
    ],
    "points_discussed": [
        "تطوير نظام تقييم أداء الجماعات المستهدفة وتحفيزها.",
        "تعزيز التعاون بين الجماعات الترابية.",
        "تقوية القدرات.",
    ],
    "points_agreed": [
        "تفعيل التوصيات في المراحل المقبلة من البرنامج بهدف تحسين أداء الجماعات وتجويد خدماتها في أفق تعميمه على باقي الجماعات.",
    ],
    "outcome": {
        "ar": "تليت توصيات الورشات الثلاث في اليوم الثاني. الصيغة الرسمية في وثيقة «توصيات اللقاء»؛ التوصيات أسفله صيغت لأغراض العرض (بيانات تجريبية).",
        "fr": "Les recommandations des trois ateliers ont été lues le deuxième jour. Le texte officiel est dans le document « Recommandations de la rencontre » ; celles ci-dessous sont reformulées pour la démonstration (données de démonstration).",
        "en": "The three workshops' recommendations were read out on day two. The official text is in the document “Recommendations of the meeting”; those below are reworded for the demo (demo data).",
    },
    # Demo wording: the seed says recommendations were read, not what they were.
    "recommendations": [
        {
            "axis": "integrity-accountability",
            "priority": "high",
            "addressee": "state",
            "themes": ["integrity-accountability"],
            "text": {
                "ar": "نشر معايير ومؤشرات تقييم أداء الجماعات ونتائجه السنوية، وإشراك الجماعات في مراجعتها.",
                "fr": "Publier les critères, les indicateurs et les résultats annuels de l'évaluation de la performance des communes, et associer les communes à leur révision.",
                "en": "Publish the criteria, indicators and yearly results of the communes' performance assessment, and involve communes in revising them.",
            },
        },
        {
            "axis": "financial-resources",
            "priority": "medium",
            "addressee": "state",
            "themes": ["decentralisation"],
            "text": {
                "ar": "ربط التحفيزات المالية للجماعات بنتائج تقييم الأداء.",
                "fr": "Lier les incitations financières des communes aux résultats de l'évaluation de leur performance.",
                "en": "Tie communes' financial incentives to the results of their performance assessment.",
            },
        },
        {
            "axis": "competences",
            "priority": "medium",
            "addressee": "communes",
            "themes": ["local-development-planning"],
            "text": {
                "ar": "تشجيع مجموعات الجماعات ومؤسسات التعاون بين الجماعات لتدبير الخدمات المشتركة.",
                "fr": "Encourager les groupements de communes et les établissements de coopération intercommunale pour gérer les services partagés.",
                "en": "Encourage groupings of communes and inter-commune bodies to run shared services.",
            },
        },
        {
            "axis": "human-resources",
            "priority": "high",
            "addressee": "communes",
            "themes": ["service-innovation"],
            "text": {
                "ar": "وضع برنامج تكوين مستمر في تدبير المشاريع والإدارة المالية لفائدة الموظفين والمنتخبين.",
                "fr": "Mettre en place une formation continue en gestion de projets et gestion financière pour le personnel et les élus.",
                "en": "Set up continuing training in project and financial management for staff and elected members.",
            },
        },
        {
            "axis": "transparency",
            "priority": "high",
            "addressee": "communes",
            "themes": ["transparency"],
            "text": {
                "ar": "نشر الميزانيات وبرامج العمل ونتائج الصفقات العمومية في البوابات الإلكترونية للجماعات.",
                "fr": "Publier les budgets, les programmes d'action et les résultats des marchés publics sur les portails des communes.",
                "en": "Publish budgets, action programmes and public procurement results on the communes' websites.",
            },
        },
    ],
    "documents": [
        (
            "Agadir 2022 — Recommandations de la rencontre",
            "agadir-2022-recommandations.pdf",
            {"ar": "توصيات اللقاء", "fr": "Recommandations de la rencontre", "en": "Recommendations of the meeting"},
        ),
        (
            "Agadir 2022 — Plan stratégique de la DGCT",
            "agadir-2022-plan-strategique-dgct.pdf",
            {
                "ar": "المخطط الاستراتيجي للمديرية العامة للجماعات الترابية",
                "fr": "Plan stratégique de la Direction générale des collectivités territoriales",
                "en": "Strategic plan of the General Directorate of Territorial Collectivities",
            },
        ),
        (
            "Agadir 2022 — Programme d'amélioration de la performance des communes",
            "agadir-2022-programme.pdf",
            {
                "ar": "برنامج تحسين أداء الجماعات",
                "fr": "Programme d'amélioration de la performance des communes",
                "en": "Communes Performance Programme",
            },
        ),
    ],
    "photos": [
        (
            "Agadir 2022 — ateliers",
            "Agadir 2022",
            "#b9770e",
            {"ar": "إحدى الورشات الثلاث", "fr": "L'un des trois ateliers", "en": "One of the three workshops"},
        ),
    ],
    # Demo addresses (example domain): the recordings are on the ministry's channel.
    "videos": [
        (
            "https://video.example.ma/agadir-2022/jour-1",
            {"ar": "أشغال اليوم الأول من اللقاء", "fr": "Travaux du premier jour", "en": "Day one"},
        ),
        (
            "https://video.example.ma/agadir-2022/jour-2",
            {"ar": "أشغال اليوم الثاني من اللقاء", "fr": "Travaux du deuxième jour", "en": "Day two"},
        ),
        (
            "https://video.example.ma/agadir-2022/temps-forts",
            {"ar": "أقوى لحظات اللقاء", "fr": "Les temps forts", "en": "Highlights"},
        ),
    ],
}

WORKSHOPS = [SEFROU_2016, COMPETENCES_2020, AGADIR_2022]

# Demo follow-up: (workshop slug, position of the recommendation, [(date, status, note)]).
FOLLOW_UP = [
    (
        "atelier-competences-conseils-2020",
        0,
        [
            ("2020-03-02", "adopted", "اعتمدت محورا أول لخريطة الطريق."),
            (
                "2022-03-15",
                "in_progress",
                "أعيدت مناقشتها في اللقاء التفاعلي ليوم 15 مارس 2022 مع المدير العام للجماعات الترابية.",
            ),
        ],
    ),
    (
        "atelier-competences-conseils-2020",
        1,
        [
            ("2020-03-02", "adopted", "اعتمدت محورا ثانيا لخريطة الطريق."),
            ("2022-03-15", "in_progress", "أعيدت مناقشتها في اللقاء التفاعلي ليوم 15 مارس 2022."),
        ],
    ),
    ("atelier-competences-conseils-2020", 2, [("2020-03-02", "adopted", "اعتمدت محورا ثالثا لخريطة الطريق.")]),
    ("agadir-2022-performance-des-communes", 0, [("2022-06-30", "adopted", "بيانات تجريبية.")]),
    (
        "agadir-2022-performance-des-communes",
        3,
        [("2022-09-15", "in_progress", "بيانات تجريبية: انطلاق الدورة الأولى للتكوين.")],
    ),
    (
        "agadir-2022-performance-des-communes",
        4,
        [
            ("2023-01-10", "in_progress", "بيانات تجريبية."),
            ("2024-12-20", "done", "بيانات تجريبية: الإطار المرجعي للنشر معتمد."),
        ],
    ),
]

# Demo uptake by member communes: (workshop slug, position, commune slug, status, note).
UPTAKE = [
    (
        "agadir-2022-performance-des-communes",
        4,
        "tetouan",
        "done",
        "الالتزام الأول والثالث من خطة «تطوان جماعة منفتحة» (بيانات تجريبية).",
    ),
    ("agadir-2022-performance-des-communes", 4, "agadir", "in_progress", "بيانات تجريبية."),
    ("agadir-2022-performance-des-communes", 4, "sefrou", "planned", "بيانات تجريبية."),
    ("agadir-2022-performance-des-communes", 3, "tiznit", "in_progress", "بيانات تجريبية."),
    ("agadir-2022-performance-des-communes", 3, "sefrou", "done", "بيانات تجريبية."),
    ("agadir-2022-performance-des-communes", 2, "chefchaouen", "not_retained", "بيانات تجريبية."),
]

# --- Seed 003: Tétouan's steering committee and its action plan -----------------------------------------------

TETOUAN_MINUTES = {
    "slug": "comite-de-pilotage-2022-11-14",
    "title": {
        "ar": "محضر اجتماع لجنة الإشراف المحلية — 14 نونبر 2022",
        "fr": "Compte rendu du comité de pilotage local — 14 novembre 2022",
        "en": "Minutes of the local steering committee — 14 November 2022",
    },
    "summary": {
        "ar": "صادقت لجنة الإشراف المحلية بالإجماع على خطة عمل «تطوان جماعة منفتحة 2023-2026».",
        "fr": "Le comité de pilotage local a approuvé à l'unanimité le plan d'action « Tétouan commune ouverte 2023-2026 ».",
        "en": "The local steering committee unanimously approved the action plan “Tetouan Open Commune 2023-2026”.",
    },
    "date": "2022-11-14",
    "closing_time": "18:45",
    "city": {"ar": "تطوان", "fr": "Tétouan", "en": "Tetouan"},
    "venue": {
        "ar": "مقر جماعة تطوان، شارع 9 أبريل، الحي الإداري",
        "fr": "Siège principal de la commune de Tétouan, avenue du 9 Avril, quartier administratif",
        "en": "Tetouan commune headquarters, 9 April Avenue, administrative district",
    },
    # (name, role, organisation, attendance, public): elected members and commune staff in their office are named.
    "participants": [
        (
            {"ar": "ناصر الفقيه اللنجري", "fr": "Nassar Fkih Lanjri"},
            {"ar": "النائب الأول لرئيس الجماعة", "fr": "1er vice-président"},
            {"ar": "جماعة تطوان", "fr": "Commune de Tétouan"},
            "member",
            True,
        ),
        (
            {"ar": "أنس اليملاحي", "fr": "Anas Lyamlahi"},
            {"ar": "النائب الرابع للرئيس المكلف بقطاع الثقافة", "fr": "4e vice-président chargé de la culture"},
            {"ar": "جماعة تطوان", "fr": "Commune de Tétouan"},
            "member",
            True,
        ),
        (
            {"ar": "عادل الدكداكي", "fr": "Adel Dakdaki"},
            {"ar": "مستشار جماعي", "fr": "Conseiller communal"},
            {"ar": "جماعة تطوان", "fr": "Commune de Tétouan"},
            "member",
            True,
        ),
        (
            {"ar": "محمد فؤاد العمراني", "fr": "Fuad Imrani"},
            {"ar": "المدير العام", "fr": "Directeur général"},
            {"ar": "جمعية تطوان للمبادرات المحلية", "fr": "Association ATIL"},
            "member",
            False,
        ),
        (
            {"ar": "أحمد العيداني", "fr": "Ahmed Aidani"},
            {"ar": "ممثل", "fr": "Représentant"},
            {
                "ar": "جمعية الحمامة البيضاء لحقوق الأشخاص في وضعية إعاقة بالمغرب",
                "fr": "Association Colombe blanche pour les droits des personnes en situation de handicap au Maroc",
            },
            "member",
            False,
        ),
        (
            {"ar": "عبد الوهاب إيدالحاج", "fr": "Abdelouhab Idelhadj"},
            {"ar": "رئيس", "fr": "Président"},
            {"ar": "جمعية التراث والتنمية والمواطنة", "fr": "Association Patrimoine, citoyenneté et développement"},
            "member",
            False,
        ),
        (
            {"ar": "أمين هوريري", "fr": "Amine Hourairi"},
            {"ar": "نائب الرئيس", "fr": "Vice-président"},
            {
                "ar": "جمعية مدرسي علوم الحياة والأرض بتطوان",
                "fr": "Association des enseignants des sciences de la vie et de la Terre de Tétouan",
            },
            "member",
            False,
        ),
        (
            {"ar": "ثريا البراج", "fr": "Touraya Elberraj"},
            {"ar": "رئيسة", "fr": "Présidente"},
            {"ar": "جمعية المرأة المناضلة", "fr": "Association « Femme militante »"},
            "member",
            False,
        ),
        (
            {"ar": "نصيرة الخمليشي", "fr": "Nassira Elkhamlichi"},
            {"ar": "عضوة", "fr": "Membre"},
            {"ar": "جمعية المرأة المناضلة", "fr": "Association « Femme militante »"},
            "member",
            False,
        ),
        (
            {"ar": "عبد الحق الأندلوسي", "fr": "Abdelhak Andaloussi"},
            {"ar": "منسق الجماعة بمبادرة شراكة الحكومة المنفتحة المحلية", "fr": "Point de contact OGP local"},
            {"ar": "جماعة تطوان", "fr": "Commune de Tétouan"},
            "also_present",
            True,
        ),
        (
            {"ar": "سعيدة أنساين", "fr": "Saida Anssaien"},
            {"ar": "سكرتارية خلية مبادرة الحكومة المنفتحة", "fr": "Équipe technique OGP local"},
            {"ar": "جماعة تطوان", "fr": "Commune de Tétouan"},
            "also_present",
            True,
        ),
        (
            {"ar": "عبد الحكيم الوراكلي", "fr": "Abdelhakim Louragli"},
            {"ar": "عضو الفريق التقني لمبادرة الحكومة المنفتحة", "fr": "Équipe technique OGP local"},
            {"ar": "جماعة تطوان", "fr": "Commune de Tétouan"},
            "also_present",
            True,
        ),
        (
            {"ar": "فاطمة الأزغاري", "fr": "Fatima Alazghari"},
            {"ar": "ممثلة المديرية العامة للمصالح", "fr": "Direction des services communaux"},
            {"ar": "جماعة تطوان", "fr": "Commune de Tétouan"},
            "also_present",
            True,
        ),
        (
            {"ar": "محمد ميمون", "fr": "Mohamed Maimoun"},
            {"ar": "مكتب الإعلام والتواصل", "fr": "Service de l'information et de la communication"},
            {"ar": "جماعة تطوان", "fr": "Commune de Tétouan"},
            "also_present",
            True,
        ),
    ],
    "agenda_ar": ["تقديم مشروع خطة عمل تطوان جماعة منفتحة ومناقشتها.", "التصديق على الخطة."],
    "agenda_fr": _tetouan_list("Ordre du jour"),
    "opening_ar": [
        "الترحيب بالحاضرين والتذكير بأن الاجتماع يندرج في إطار مناقشة مشروع خطة عمل تطوان جماعة منفتحة والمصادقة عليها.",
        "تقديم الشكر والتنويه لجمعية الحمامة البيضاء لحقوق الأشخاص ذوي الإعاقة بالمغرب وجمعية التراث والتنمية والمواطنة، الداعمتين والمشاركتين في اللقاء الجهوي لإفريقيا والشرق الأوسط للحكومة المنفتحة المنعقد بمراكش أيام 1 و2 و3 نونبر 2022، والتي تعبأت من أجل إنجاح التجربة.",
        "التذكير بقيام الجماعة بعملية التشخيص الأولي للحالة الراهنة وتنظيم أربع ورشات: الشفافية، النوع والدمج الاجتماعي، المشاركة المواطنة، الابتكار وتجويد الخدمات الجماعية.",
        "اعتماد الفريق التقني في إعداد الخطة على المقترحات والتوصيات المنبثقة عن الورشات، وتقاسم التجارب مع الجماعات المنفتحة بمراكش، والخطة الوطنية للحكومة المنفتحة.",
        "تضمن مشروع الخطة مجموعة من الالتزامات، تضم أنشطة ومشاريع تلتزم الجماعة بتنزيلها في زمنها المحدد وفق مرجعية ومنهجية مبادرة الحكومة المنفتحة.",
        "ضرورة انسجام خطة العمل مع مجالات مبادرة شراكة الحكومة المنفتحة.",
        "جدة التجربة: الجماعة أول جماعة على المستوى الوطني تنضم لمبادرة شراكة الحكومة المنفتحة.",
        "التذكير بتأسيس الشبكة الوطنية للجماعات المنفتحة لإعداد جماعات أخرى للولوج إلى الشبكة العالمية، وبإنشاء الشبكة الإقليمية لإفريقيا والشرق الأوسط بمشاركة جماعة تطوان في قيادتها.",
    ],
    "opening_fr": _tetouan_list("Mot d'ouverture"),
    "agreed_ar": [
        "استثمار دليل وتشخيص إعمال الولوجيات المنجز بشراكة مع «ميدسيتي».",
        "ملاءمة خطة العمل وبرنامج عمل الجماعة مع أهداف التنمية المستدامة، وتسمية الأهداف المضمنة بكل محور.",
        "اقتراح تبني الهيئات التشاركية تنفيذ بعض أنشطة الخطة بشراكة مع الجماعة.",
        "دمج مشاريع الشفافية والتواصل.",
        "النشر القبلي والبعدي لقوائم الجمعيات المشاركة في طلبات المشاريع مع اعتماد سلم تنقيط معلن.",
        "ضرورة جاهزية مجلس الشباب في أقرب وقت.",
        "اعتماد قياس رضا المواطنين على الخدمات الجماعية عوض إبداء الملاحظات بالمنصة الإلكترونية للجماعة.",
        "إعطاء تصور حول الميزانية التشاركية وكيفية تدبيرها، وصياغة دليلها، والبحث عن ممولين لها، والانطلاق من التعاون الدولي لتأسيس قواعدها.",
        "تحويل مشروع الولوجيات بالمدينة العتيقة إلى ميزانية تشاركية.",
        "كتابة ميزانية المواطن بلغة برايل.",
        "إعطاء تصور للمدينة المبدعة والتنشيط الثقافي من زاوية النوع، واستجابة التقارير الدورية لمقاربة النوع.",
        "إضافة الهيئة التي تعنى بالثقافة إلى الالتزام الحادي عشر.",
        "تخصيص المرافقة والإشراف من لجنة الإشراف على المشروع، كل حسب اختصاصاته.",
        "إمكانية إدراج تقارير الافتحاص الداخلي في القطاعات التي تهم الساكنة.",
        "إتاحة فرصة المشاركة المواطنة في جميع المحاور.",
        "التحسيس بأهداف التنمية المستدامة وإحداث مرصد لها.",
        "إحداث مكتب المواطن والشباك الوحيد للخدمات الجماعية.",
        "اعتماد الرقمنة بشكل مستعرض لكل الالتزامات، وتطبيق لخدمات الجماعة يعوض الموقع الكلاسيكي.",
        "إبراز المصطلحات الوازنة بخطة العمل وتقليص عدد الأنشطة داخل الالتزام الواحد.",
    ],
    "decision": (
        "وفي الختام تم التصديق بالإجماع على الخطة.",
        "Le plan d'action a été approuvé à l'unanimité des membres présents du comité de pilotage.",
    ),
    "document": ("Compte rendu du comité de pilotage du 14 novembre 2022", "tetouan-comite-de-pilotage-2022-11-14.pdf"),
}

TETOUAN_PLAN = {
    "slug": "plan-d-action-2023-2026",
    "title": {
        "ar": "تطوان جماعة منفتحة 2023-2026",
        "fr": "Tétouan commune ouverte 2023-2026",
        "en": "Tetouan Open Commune 2023-2026",
    },
    "summary": {
        "ar": "خطة العمل المحلية لمبادرة شراكة الحكومة المنفتحة: أربعة محاور وأحد عشر التزاما، صادقت عليها لجنة الإشراف بالإجماع يوم 14 نونبر 2022.",
        "fr": "Le plan d'action local du Partenariat pour un gouvernement ouvert : quatre axes et onze engagements, approuvé à l'unanimité par le comité de pilotage le 14 novembre 2022.",
        "en": "The local Open Government Partnership action plan: four axes and eleven commitments, unanimously approved by the steering committee on 14 November 2022.",
    },
    "framework": {
        "ar": "شراكة الحكومة المنفتحة — OGP Local",
        "fr": "Partenariat pour un gouvernement ouvert — OGP Local",
        "en": "Open Government Partnership — OGP Local",
    },
    "data_note": {
        "ar": "بيانات تجريبية: الالتزامات الأحد عشر مأخوذة من محضر لجنة الإشراف، أما ربطها بالمحاور والأنشطة والتواريخ وقيم المؤشرات فهي للعرض فقط.",
        "fr": "Données de démonstration : les onze engagements viennent du compte rendu du comité de pilotage ; leur rattachement aux axes, les activités, les dates et les valeurs des indicateurs sont illustratifs.",
        "en": "Demo data: the eleven commitments come from the steering committee's minutes; their axes, the activities, dates and indicator values are illustrative.",
    },
    "commitments_ar": [
        "تعزيز الشفافية المالية وتبسيط وثيقة ميزانية المواطن",
        "إعداد إطار تنظيمي يضمن شفافية الدعم المالي والشراكة مع جمعيات المجتمع المدني",
        "النشر الاستباقي للمعلومات المرتبطة بالتدبير والخدمات",
        "التتبع العمومي لعملية تنفيذ برنامج عمل الجماعة",
        "إنجاز منصة إلكترونية تفاعلية لتتبع تنفيذ خطة العمل: تطوان، جماعة منفتحة 2023-2026",
        "إعداد وتنفيذ أجندة محلية لأهداف التنمية المستدامة",
        "إرساء خدمات قرب مستجيبة للنوع وضامنة للمساواة والعدالة المجالية",
        "تقوية التواصل الدامج",
        "تعزيز الولوج الشامل إلى الثقافة والتراث والتنشيط الفني",
        "إعداد تشاركي لبرنامج عمل وإحداث ولوجيات نموذجية",
        "تشكيل وتفعيل هيئات استشارية متخصصة",
    ],
    "commitments_fr": [text.rstrip(" .") for text in _tetouan_list("Les onze engagements")],
    "commitments_en": [
        "Strengthen financial transparency and simplify the citizen budget",
        "Draw up rules that make financial support and partnerships with civil-society associations transparent",
        "Publish information on management and services proactively",
        "Follow the implementation of the commune's action programme in public",
        "Build an interactive online platform to follow the action plan “Tetouan Open Commune 2023-2026”",
        "Draw up and carry out a local agenda for the Sustainable Development Goals",
        "Provide local services that respond to gender and ensure equality and territorial fairness",
        "Strengthen inclusive communication",
        "Widen access for all to culture, heritage and the arts",
        "Draw up an accessibility programme with residents and build model accessible facilities",
        "Set up and run specialised advisory bodies",
    ],
    # Demo: axis of each commitment, in the order above.
    "axes": [
        "transparency",
        "transparency",
        "transparency",
        "integrity-accountability",
        "service-innovation",
        "citizen-participation",
        "service-innovation",
        "citizen-participation",
        "citizen-participation",
        "citizen-participation",
        "citizen-participation",
    ],
    # Demo activities per commitment: (Arabic title, French title, responsible, start, due, status, percent).
    # Titles follow the points the committee agreed.
    "activities": {
        0: [
            (
                "نشر ميزانية المواطن لسنة 2023",
                "Publier le budget citoyen 2023",
                "المديرية المالية",
                "2023-01-15",
                "2023-06-30",
                "done",
                None,
            ),
            (
                "كتابة ميزانية المواطن بلغة برايل",
                "Rédiger le budget citoyen en braille",
                "المديرية المالية",
                "2023-06-01",
                "2024-06-30",
                "in_progress",
                60,
            ),
            (
                "إعداد دليل الميزانية التشاركية",
                "Rédiger le guide du budget participatif",
                "خلية الحكومة المنفتحة",
                "2024-01-01",
                "2025-06-30",
                "in_progress",
                30,
            ),
        ],
        1: [
            (
                "النشر القبلي والبعدي لقوائم الجمعيات المرشحة مع سلم التنقيط",
                "Publier avant et après l'appel à projets la liste des associations candidates avec la grille de notation",
                "قسم الشراكة",
                "2023-03-01",
                "2023-12-31",
                "done",
                None,
            ),
            (
                "المصادقة على الإطار التنظيمي للدعم المالي",
                "Faire adopter le cadre réglementaire du soutien financier",
                "المجلس الجماعي",
                "2023-09-01",
                "2024-03-31",
                "in_progress",
                70,
            ),
        ],
        2: [
            (
                "نشر استباقي لقرارات المجلس ومحاضر الدورات",
                "Publier de manière proactive les décisions et procès-verbaux du conseil",
                "مكتب الإعلام والتواصل",
                "2023-02-01",
                "2023-12-31",
                "done",
                None,
            ),
            (
                "إدراج تقارير الافتحاص الداخلي في القطاعات التي تهم الساكنة",
                "Inclure les rapports d'audit interne des secteurs qui concernent la population",
                "المديرية العامة للمصالح",
                "2024-01-01",
                "2025-12-31",
                "not_started",
                None,
            ),
        ],
        3: [
            (
                "نشر تقرير سنوي عن تنفيذ برنامج عمل الجماعة",
                "Publier un rapport annuel sur l'exécution du programme d'action",
                "المديرية العامة للمصالح",
                "2023-06-01",
                "2024-06-30",
                "done",
                None,
            ),
            (
                "جلسات عمومية لتتبع التنفيذ",
                "Tenir des séances publiques de suivi",
                "لجنة الإشراف",
                "2024-01-01",
                "2026-12-31",
                "in_progress",
                50,
            ),
        ],
        4: [
            (
                "إطلاق المنصة الإلكترونية لتتبع الخطة",
                "Mettre en ligne la plateforme de suivi du plan",
                "مصلحة المعلوميات",
                "2023-04-01",
                "2024-03-31",
                "done",
                None,
            ),
            (
                "تطبيق خدمات الجماعة للهواتف",
                "Lancer l'application mobile des services communaux",
                "مصلحة المعلوميات",
                "2024-04-01",
                "2025-12-31",
                "in_progress",
                40,
            ),
        ],
        5: [
            (
                "التحسيس بأهداف التنمية المستدامة",
                "Sensibiliser aux objectifs de développement durable",
                "قسم التنمية",
                "2023-05-01",
                "2024-05-31",
                "done",
                None,
            ),
            (
                "إحداث مرصد محلي لأهداف التنمية المستدامة",
                "Créer un observatoire local des ODD",
                "قسم التنمية",
                "2024-06-01",
                "2025-12-31",
                "not_started",
                None,
            ),
        ],
        6: [
            (
                "إحداث مكتب المواطن",
                "Créer un bureau du citoyen",
                "المديرية العامة للمصالح",
                "2023-09-01",
                "2024-12-31",
                "in_progress",
                80,
            ),
            (
                "إحداث الشباك الوحيد للخدمات الجماعية",
                "Créer un guichet unique des services communaux",
                "المديرية العامة للمصالح",
                "2024-01-01",
                "2026-06-30",
                "in_progress",
                35,
            ),
            (
                "قياس رضا المواطنين على الخدمات الجماعية",
                "Mesurer la satisfaction des citoyens à l'égard des services communaux",
                "خلية الحكومة المنفتحة",
                "2024-03-01",
                "2026-12-31",
                "not_started",
                None,
            ),
        ],
        7: [
            (
                "إدماج لغة الإشارة في تواصل الجماعة",
                "Intégrer la langue des signes dans la communication de la commune",
                "مكتب الإعلام والتواصل",
                "2023-06-01",
                "2024-06-30",
                "in_progress",
                50,
            )
        ],
        8: [
            (
                "تصور للمدينة المبدعة والتنشيط الثقافي من زاوية النوع",
                "Proposer une vision de la ville créative et de l'animation culturelle sous l'angle du genre",
                "قسم الثقافة",
                "2023-09-01",
                "2024-09-30",
                "done",
                None,
            ),
            (
                "برمجة ثقافية ولوجة في المدينة العتيقة",
                "Programmer une animation culturelle accessible dans la médina",
                "قسم الثقافة",
                "2024-10-01",
                "2026-09-30",
                "in_progress",
                45,
            ),
        ],
        9: [
            (
                "استثمار دليل وتشخيص الولوجيات المنجز مع ميدسيتي",
                "Exploiter le guide et le diagnostic de l'accessibilité réalisés avec MedCités",
                "قسم التعمير",
                "2023-03-01",
                "2023-12-31",
                "done",
                None,
            ),
            (
                "تحويل مشروع الولوجيات بالمدينة العتيقة إلى ميزانية تشاركية",
                "Transformer le projet d'accessibilité de la médina en budget participatif",
                "خلية الحكومة المنفتحة",
                "2024-01-01",
                "2025-12-31",
                "dropped",
                None,
            ),
        ],
        10: [
            (
                "تفعيل مجلس الشباب",
                "Rendre le conseil des jeunes opérationnel",
                "المجلس الجماعي",
                "2023-01-01",
                "2023-06-30",
                "done",
                None,
            ),
            (
                "إضافة الهيئة المكلفة بالثقافة إلى الهيئات الاستشارية",
                "Ajouter l'instance chargée de la culture aux instances consultatives",
                "المجلس الجماعي",
                "2023-06-01",
                "2024-12-31",
                "in_progress",
                60,
            ),
        ],
    },
    # Demo indicators per commitment: (kind, Arabic name, French name, unit, baseline, target, current).
    "indicators": {
        0: [
            ("result", "عدد وثائق ميزانية المواطن المنشورة", "Documents du budget citoyen publiés", "", 0, 4, 3),
            (
                "impact",
                "نسبة المستجوبين الذين يفهمون ميزانية الجماعة",
                "Part des personnes interrogées qui comprennent le budget communal",
                "%",
                12,
                40,
                21,
            ),
        ],
        1: [
            (
                "result",
                "نسبة طلبات الدعم المنشورة بنتائجها",
                "Part des demandes de soutien publiées avec leurs résultats",
                "%",
                0,
                100,
                100,
            )
        ],
        2: [("result", "عدد مجموعات البيانات المنشورة", "Jeux de données publiés", "", 2, 30, 17)],
        3: [("result", "عدد الجلسات العمومية للتتبع", "Séances publiques de suivi", "", 0, 8, 4)],
        4: [
            (
                "impact",
                "عدد زيارات منصة التتبع شهريا",
                "Visites mensuelles de la plateforme de suivi",
                "",
                0,
                5000,
                2100,
            )
        ],
        6: [
            (
                "impact",
                "متوسط مدة معالجة الطلبات (أيام)",
                "Délai moyen de traitement des demandes (jours)",
                "",
                21,
                7,
                12,
            )
        ],
        10: [("result", "عدد الهيئات الاستشارية المفعلة", "Instances consultatives en activité", "", 1, 4, 3)],
    },
    "updates": [
        ("2023-01-15", "انطلاق تنفيذ الخطة (بيانات تجريبية)."),
        ("2024-01-20", "الحصيلة السنوية الأولى أمام لجنة الإشراف (بيانات تجريبية)."),
        (
            "2025-02-10",
            "الحصيلة السنوية الثانية: التخلي عن تحويل مشروع الولوجيات إلى ميزانية تشاركية لغياب التمويل (بيانات تجريبية).",
        ),
    ],
}

# An open live session on the Agadir meeting, to try the board (demo data: the ideas are illustrative,
# written from the themes of the seeds' workshops). The code is fixed so that the README can point at it.
LIVE_SESSION = {
    "workshop": "agadir-2022-performance-des-communes",
    "code": "CAFE34",
    "title": "ما هي أولوياتكم لتحسين أداء الجماعات؟",
    "axes": ["transparency", "citizen-participation", "service-innovation"],
    "ideas": [
        ("نشر الميزانية المواطنة كل سنة بلغة بسيطة", "transparency", 7),
        ("Publier les procès-verbaux des sessions du conseil dans les quinze jours", "transparency", 5),
        ("إشراك الشباب في إعداد برنامج عمل الجماعة", "citizen-participation", 6),
        ("Un guichet numérique unique pour les demandes d'autorisation", "service-innovation", 4),
        ("تكوين الموظفين في التدبير المبني على النتائج", "", 3),
        ("Des réunions de quartier avant le vote du budget", "citizen-participation", 2),
    ],
}
