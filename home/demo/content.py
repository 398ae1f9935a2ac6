"""Demo content for the Moroccan Network for Participatory Governance site.

The texts below come from the public posts of the network, of its member communes and
of its partners (the seed documents): the minutes of Tétouan's open-government steering
committee, the report of the network's second meeting in Sefrou, and the news of the
Moroccan Association of Presidents of the Councils of Prefectures and Provinces (AMPCPP).
They were reorganised and lightly cleaned, not invented.

Figures marked "approximate" (populations, dates of joining, coordinates) and the contact
addresses are demo values, not official data. Each address uses an example domain.

Body blocks are tuples, in the source language only:
    ("heading", text)
    ("paragraph", text)
    ("list", [item, ...])
    ("quote", text, attribution)
"""

# ---------------------------------------------------------------------------
# Participatory mechanisms (used as tags)
# ---------------------------------------------------------------------------

MECHANISMS: list[dict] = [
    {
        "code": "open-government-action-plan",
        "name": {
            "ar": "خطة عمل الحكومة المنفتحة",
            "fr": "Plan d'action pour un gouvernement ouvert",
            "en": "Open-government action plan",
        },
    },
    {
        "code": "participatory-budget",
        "name": {
            "ar": "الميزانية التشاركية",
            "fr": "Budget participatif",
            "en": "Participatory budget",
        },
    },
    {
        "code": "citizen-budget",
        "name": {
            "ar": "ميزانية المواطن",
            "fr": "Budget citoyen",
            "en": "Citizen budget",
        },
    },
    {
        "code": "youth-council",
        "name": {
            "ar": "مجلس الشباب",
            "fr": "Conseil des jeunes",
            "en": "Youth council",
        },
    },
    {
        "code": "equality-commission",
        "name": {
            "ar": "هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
            "fr": "Instance de l'équité, de l'égalité des chances et de l'approche genre",
            "en": "Equality, Equal Opportunities and Gender Commission",
        },
    },
    {
        "code": "petitions",
        "name": {
            "ar": "العرائض",
            "fr": "Pétitions",
            "en": "Petitions",
        },
    },
    {
        "code": "public-consultation",
        "name": {
            "ar": "التشاور العمومي",
            "fr": "Consultation publique",
            "en": "Public consultation",
        },
    },
    {
        "code": "commune-action-plan",
        "name": {
            "ar": "التشخيص التشاركي وبرنامج عمل الجماعة",
            "fr": "Diagnostic participatif et programme d'action de la commune (PAC)",
            "en": "Participatory diagnosis and commune action plan (PAC)",
        },
    },
    {
        "code": "citizen-satisfaction-survey",
        "name": {
            "ar": "قياس رضا المواطنين",
            "fr": "Enquête de satisfaction des citoyens",
            "en": "Citizen-satisfaction survey",
        },
    },
    {
        "code": "neighbourhood-committees",
        "name": {
            "ar": "لجان الأحياء",
            "fr": "Comités de quartier",
            "en": "Neighbourhood committees",
        },
    },
    {
        "code": "complaints-management",
        "name": {
            "ar": "تدبير الشكايات",
            "fr": "Gestion des réclamations",
            "en": "Complaints management",
        },
    },
]

# ---------------------------------------------------------------------------
# Public-policy themes
# ---------------------------------------------------------------------------

THEMES: list[dict] = [
    {
        "code": "transparency",
        "name": {"ar": "الشفافية", "fr": "Transparence", "en": "Transparency"},
    },
    {
        "code": "citizen-participation",
        "name": {"ar": "المشاركة المواطنة", "fr": "Participation citoyenne", "en": "Citizen participation"},
    },
    {
        "code": "integrity-accountability",
        "name": {"ar": "النزاهة والمساءلة", "fr": "Intégrité et redevabilité", "en": "Integrity and accountability"},
    },
    {
        "code": "service-innovation",
        "name": {
            "ar": "الابتكار في الخدمات العمومية",
            "fr": "Innovation dans les services publics",
            "en": "Innovation in public services",
        },
    },
    {
        "code": "local-development-planning",
        "name": {
            "ar": "التخطيط للتنمية المحلية",
            "fr": "Planification du développement local",
            "en": "Local development planning",
        },
    },
    {
        "code": "decentralisation",
        "name": {
            "ar": "اللامركزية والاختصاصات",
            "fr": "Décentralisation et compétences",
            "en": "Decentralisation and competences",
        },
    },
    {
        "code": "youth",
        "name": {"ar": "الشباب", "fr": "Jeunesse", "en": "Youth"},
    },
    {
        "code": "gender-equality",
        "name": {"ar": "المساواة ومقاربة النوع", "fr": "Égalité femmes-hommes", "en": "Gender equality"},
    },
]

# ---------------------------------------------------------------------------
# Regions (current twelve-region division) used by the communes below
# ---------------------------------------------------------------------------

_TTA: dict = {"ar": "طنجة تطوان الحسيمة", "fr": "Tanger-Tétouan-Al Hoceïma", "en": "Tanger-Tetouan-Al Hoceima"}
_ORIENTAL: dict = {"ar": "الشرق", "fr": "L'Oriental", "en": "Oriental"}
_FES_MEKNES: dict = {"ar": "فاس مكناس", "fr": "Fès-Meknès", "en": "Fez-Meknes"}
_RSK: dict = {"ar": "الرباط سلا القنيطرة", "fr": "Rabat-Salé-Kénitra", "en": "Rabat-Sale-Kenitra"}
_CASA_SETTAT: dict = {"ar": "الدار البيضاء سطات", "fr": "Casablanca-Settat", "en": "Casablanca-Settat"}
_SOUSS_MASSA: dict = {"ar": "سوس ماسة", "fr": "Souss-Massa", "en": "Souss-Massa"}
_GUELMIM_OUED_NOUN: dict = {"ar": "كلميم واد نون", "fr": "Guelmim-Oued Noun", "en": "Guelmim-Oued Noun"}

# Mechanisms that Organic Law 113-14 on communes asks of every commune (equality commission,
# dialogue and consultation mechanisms, petitions, the commune action plan). Communes other
# than Tétouan and Sefrou get only these: a demo value, not a survey of their practice.
_LEGAL_MECHANISMS: list[str] = [
    "commune-action-plan",
    "equality-commission",
    "public-consultation",
    "petitions",
]

# ---------------------------------------------------------------------------
# The fifteen member communes (seed 004)
# "population": 2014 census, municipality, approximate.
# "joined": approximate demo dates, except Sefrou (second meeting of the network).
# "latitude" / "longitude": approximate city centre.
# ---------------------------------------------------------------------------

COMMUNES: list[dict] = [
    {
        "slug": "tiznit",
        "name": {"ar": "تيزنيت", "fr": "Tiznit", "en": "Tiznit"},
        "kind": "commune",
        "region": _SOUSS_MASSA,
        "province": {"ar": "إقليم تيزنيت", "fr": "Province de Tiznit", "en": "Tiznit Province"},
        "population": 74699,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 29.6974,
        "longitude": -9.7316,
        "email": "contact@tiznit.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "تيزنيت جماعة بجهة سوس ماسة، ومقر إقليم تيزنيت. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Tiznit est une commune de la région Souss-Massa, chef-lieu de la province de Tiznit. "
            "Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Tiznit is a commune in the Souss-Massa region and the seat of Tiznit Province. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#C0392B",
    },
    {
        "slug": "agadir",
        "name": {"ar": "أكادير", "fr": "Agadir", "en": "Agadir"},
        "kind": "commune",
        "region": _SOUSS_MASSA,
        "province": {
            "ar": "عمالة أكادير إداوتنان",
            "fr": "Préfecture d'Agadir Ida-Outanane",
            "en": "Agadir Ida-Outanane Prefecture",
        },
        "population": 421844,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 30.4278,
        "longitude": -9.5981,
        "email": "contact@agadir.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "أكادير عاصمة جهة سوس ماسة ومقر عمالة أكادير إداوتنان. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Agadir est le chef-lieu de la région Souss-Massa et de la préfecture d'Agadir Ida-Outanane. "
            "Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Agadir is the capital of the Souss-Massa region and the seat of the Agadir Ida-Outanane "
            "Prefecture. It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#2874A6",
    },
    {
        "slug": "oujda",
        "name": {"ar": "وجدة", "fr": "Oujda", "en": "Oujda"},
        "kind": "commune",
        "region": _ORIENTAL,
        "province": {"ar": "عمالة وجدة أنكاد", "fr": "Préfecture d'Oujda-Angad", "en": "Oujda-Angad Prefecture"},
        "population": 494252,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 34.6814,
        "longitude": -1.9086,
        "email": "contact@oujda.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "وجدة عاصمة جهة الشرق ومقر عمالة وجدة أنكاد. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Oujda est le chef-lieu de la région de l'Oriental et de la préfecture d'Oujda-Angad. "
            "Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Oujda is the capital of the Oriental region and the seat of the Oujda-Angad Prefecture. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#7D3C98",
    },
    {
        "slug": "chefchaouen",
        "name": {"ar": "شفشاون", "fr": "Chefchaouen", "en": "Chefchaouen"},
        "kind": "commune",
        "region": _TTA,
        "province": {"ar": "إقليم شفشاون", "fr": "Province de Chefchaouen", "en": "Chefchaouen Province"},
        "population": 42786,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 35.1688,
        "longitude": -5.2636,
        "email": "contact@chefchaouen.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "شفشاون جماعة بجهة طنجة تطوان الحسيمة، ومقر إقليم شفشاون. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Chefchaouen est une commune de la région Tanger-Tétouan-Al Hoceïma, chef-lieu de la province "
            "de Chefchaouen. Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Chefchaouen is a commune in the Tanger-Tetouan-Al Hoceima region and the seat of Chefchaouen "
            "Province. It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#1F618D",
    },
    {
        "slug": "tetouan",
        "name": {"ar": "تطوان", "fr": "Tétouan", "en": "Tetouan"},
        "kind": "commune",
        "region": _TTA,
        "province": {"ar": "إقليم تطوان", "fr": "Province de Tétouan", "en": "Tetouan Province"},
        "population": 380787,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 35.5785,
        "longitude": -5.3684,
        "email": "contact@tetouan.example.ma",
        "phone": None,
        # Seed 003: action plan, participatory budget, citizen budget, youth council,
        # satisfaction measurement, consultative bodies, public monitoring of the PAC.
        "mechanisms": [
            "open-government-action-plan",
            "participatory-budget",
            "citizen-budget",
            "youth-council",
            "citizen-satisfaction-survey",
            "equality-commission",
            "commune-action-plan",
            "public-consultation",
        ],
        "intro": {
            "ar": "تطوان جماعة بجهة طنجة تطوان الحسيمة ومقر إقليم تطوان، وهي أول جماعة على المستوى الوطني "
            "تنضم لمبادرة شراكة الحكومة المنفتحة. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Tétouan, chef-lieu de la province de Tétouan dans la région Tanger-Tétouan-Al Hoceïma, est la "
            "première commune marocaine à avoir rejoint le Partenariat pour un gouvernement ouvert. "
            "Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Tetouan, the seat of Tetouan Province in the Tanger-Tetouan-Al Hoceima region, was the first "
            "Moroccan commune to join the Open Government Partnership. It is a member of the Moroccan Network "
            "for Participatory Governance.",
        },
        "colour": "#117A65",
    },
    {
        "slug": "kenitra",
        "name": {"ar": "القنيطرة", "fr": "Kénitra", "en": "Kenitra"},
        "kind": "commune",
        "region": _RSK,
        "province": {"ar": "إقليم القنيطرة", "fr": "Province de Kénitra", "en": "Kenitra Province"},
        "population": 431282,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 34.2610,
        "longitude": -6.5802,
        "email": "contact@kenitra.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "القنيطرة جماعة بجهة الرباط سلا القنيطرة، ومقر إقليم القنيطرة. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Kénitra est une commune de la région Rabat-Salé-Kénitra, chef-lieu de la province de Kénitra. "
            "Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Kenitra is a commune in the Rabat-Sale-Kenitra region and the seat of Kenitra Province. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#B9770E",
    },
    {
        "slug": "rabat",
        "name": {"ar": "الرباط", "fr": "Rabat", "en": "Rabat"},
        "kind": "commune",
        "region": _RSK,
        "province": {"ar": "عمالة الرباط", "fr": "Préfecture de Rabat", "en": "Rabat Prefecture"},
        "population": 577827,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 34.0209,
        "longitude": -6.8416,
        "email": "contact@rabat.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "الرباط عاصمة المملكة وعاصمة جهة الرباط سلا القنيطرة. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Rabat est la capitale du Royaume et le chef-lieu de la région Rabat-Salé-Kénitra. "
            "Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Rabat is the capital of the Kingdom and of the Rabat-Sale-Kenitra region. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#943126",
    },
    {
        "slug": "guelmim",
        "name": {"ar": "كلميم", "fr": "Guelmim", "en": "Guelmim"},
        "kind": "commune",
        "region": _GUELMIM_OUED_NOUN,
        "province": {"ar": "إقليم كلميم", "fr": "Province de Guelmim", "en": "Guelmim Province"},
        "population": 118318,  # approximate
        "joined": "2015-11-19",  # approximate
        "latitude": 28.9870,
        "longitude": -10.0574,
        "email": "contact@guelmim.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "كلميم عاصمة جهة كلميم واد نون ومقر إقليم كلميم. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Guelmim est le chef-lieu de la région Guelmim-Oued Noun et de la province de Guelmim. "
            "Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Guelmim is the capital of the Guelmim-Oued Noun region and the seat of Guelmim Province. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#A04000",
    },
    {
        "slug": "casablanca",
        "name": {"ar": "الدار البيضاء", "fr": "Casablanca", "en": "Casablanca"},
        "kind": "commune",
        "region": _CASA_SETTAT,
        "province": {"ar": "عمالة الدار البيضاء", "fr": "Préfecture de Casablanca", "en": "Casablanca Prefecture"},
        "population": 3359818,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 33.5731,
        "longitude": -7.5898,
        "email": "contact@casablanca.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "الدار البيضاء أكبر مدن المغرب وعاصمة جهة الدار البيضاء سطات. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Casablanca, la plus grande ville du Maroc, est le chef-lieu de la région Casablanca-Settat. "
            "Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Casablanca, Morocco's largest city, is the capital of the Casablanca-Settat region. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#2E4053",
    },
    {
        "slug": "taroudant",
        "name": {"ar": "تارودانت", "fr": "Taroudant", "en": "Taroudant"},
        "kind": "commune",
        "region": _SOUSS_MASSA,
        "province": {"ar": "إقليم تارودانت", "fr": "Province de Taroudant", "en": "Taroudant Province"},
        "population": 80149,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 30.4703,
        "longitude": -8.8770,
        "email": "contact@taroudant.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "تارودانت جماعة بجهة سوس ماسة، ومقر إقليم تارودانت. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Taroudant est une commune de la région Souss-Massa, chef-lieu de la province de Taroudant. "
            "Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Taroudant is a commune in the Souss-Massa region and the seat of Taroudant Province. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#6E2C00",
    },
    {
        "slug": "larache",
        "name": {"ar": "العرائش", "fr": "Larache", "en": "Larache"},
        "kind": "commune",
        "region": _TTA,
        "province": {"ar": "إقليم العرائش", "fr": "Province de Larache", "en": "Larache Province"},
        "population": 125008,  # approximate
        "joined": "2015-11-19",  # approximate
        "latitude": 35.1932,
        "longitude": -6.1557,
        "email": "contact@larache.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "العرائش جماعة بجهة طنجة تطوان الحسيمة، ومقر إقليم العرائش. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Larache est une commune de la région Tanger-Tétouan-Al Hoceïma, chef-lieu de la province de "
            "Larache. Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Larache is a commune in the Tanger-Tetouan-Al Hoceima region and the seat of Larache Province. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#148F77",
    },
    {
        "slug": "mohammedia",
        "name": {"ar": "المحمدية", "fr": "Mohammedia", "en": "Mohammedia"},
        "kind": "commune",
        "region": _CASA_SETTAT,
        "province": {"ar": "عمالة المحمدية", "fr": "Préfecture de Mohammedia", "en": "Mohammedia Prefecture"},
        "population": 208612,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 33.6866,
        "longitude": -7.3830,
        "email": "contact@mohammedia.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "المحمدية جماعة بجهة الدار البيضاء سطات، ومقر عمالة المحمدية. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Mohammedia est une commune de la région Casablanca-Settat, chef-lieu de la préfecture de "
            "Mohammedia. Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Mohammedia is a commune in the Casablanca-Settat region and the seat of Mohammedia Prefecture. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#1A5276",
    },
    {
        "slug": "sale",
        "name": {"ar": "سلا", "fr": "Salé", "en": "Sale"},
        "kind": "commune",
        "region": _RSK,
        "province": {"ar": "عمالة سلا", "fr": "Préfecture de Salé", "en": "Sale Prefecture"},
        "population": 890403,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 34.0331,
        "longitude": -6.7985,
        "email": "contact@sale.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "سلا جماعة بجهة الرباط سلا القنيطرة، ومقر عمالة سلا. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Salé est une commune de la région Rabat-Salé-Kénitra, chef-lieu de la préfecture de Salé. "
            "Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Sale is a commune in the Rabat-Sale-Kenitra region and the seat of Sale Prefecture. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#5B2C6F",
    },
    {
        "slug": "temara",
        "name": {"ar": "تمارة", "fr": "Témara", "en": "Temara"},
        "kind": "commune",
        "region": _RSK,
        "province": {
            "ar": "عمالة الصخيرات تمارة",
            "fr": "Préfecture de Skhirate-Témara",
            "en": "Skhirate-Temara Prefecture",
        },
        "population": 313510,  # approximate
        "joined": "2015-06-24",  # approximate
        "latitude": 33.9287,
        "longitude": -6.9063,
        "email": "contact@temara.example.ma",
        "phone": None,
        "mechanisms": list(_LEGAL_MECHANISMS),
        "intro": {
            "ar": "تمارة جماعة بجهة الرباط سلا القنيطرة، ومقر عمالة الصخيرات تمارة. وهي عضو في الشبكة المغربية للحكامة التشاركية.",
            "fr": "Témara est une commune de la région Rabat-Salé-Kénitra, chef-lieu de la préfecture de "
            "Skhirate-Témara. Elle est membre du Réseau marocain de la gouvernance participative.",
            "en": "Temara is a commune in the Rabat-Sale-Kenitra region and the seat of Skhirate-Temara Prefecture. "
            "It is a member of the Moroccan Network for Participatory Governance.",
        },
        "colour": "#0E6655",
    },
    {
        "slug": "sefrou",
        "name": {"ar": "صفرو", "fr": "Sefrou", "en": "Sefrou"},
        "kind": "commune",
        "region": _FES_MEKNES,
        "province": {"ar": "إقليم صفرو", "fr": "Province de Sefrou", "en": "Sefrou Province"},
        "population": 79887,  # approximate
        "joined": "2016-03-30",
        "latitude": 33.8305,
        "longitude": -4.8353,
        "email": "contact@sefrou.example.ma",
        "phone": None,
        # Seed 004: participation in the commune action plan and participatory diagnosis,
        # the parity / equal-opportunity / gender mechanism, consultation and dialogue
        # mechanisms, and the complaints-management service visited by the network.
        "mechanisms": [
            "commune-action-plan",
            "equality-commission",
            "public-consultation",
            "complaints-management",
        ],
        "intro": {
            "ar": "صفرو جماعة بجهة فاس مكناس ومقر إقليم صفرو، احتضنت يومي 30 و31 مارس 2016 الملتقى الثاني "
            "للشبكة المغربية للحكامة التشاركية التي انضمت إليها.",
            "fr": "Sefrou, chef-lieu de la province de Sefrou dans la région Fès-Meknès, a rejoint le Réseau "
            "marocain de la gouvernance participative et accueilli sa deuxième rencontre les 30 et 31 mars 2016.",
            "en": "Sefrou, the seat of Sefrou Province in the Fez-Meknes region, joined the Moroccan Network for "
            "Participatory Governance and hosted its second meeting on 30 and 31 March 2016.",
        },
        "colour": "#7E5109",
    },
]

# ---------------------------------------------------------------------------
# Experiences (seeds 003 and 004)
# ---------------------------------------------------------------------------

EXPERIENCES: list[dict] = [
    {
        "commune": "tetouan",
        "slug": "tetouan-commune-ouverte-2023-2026",
        "source_language": "fr",
        "title": {
            "ar": "تطوان جماعة منفتحة 2023-2026",
            "fr": "Tétouan commune ouverte 2023-2026",
            "en": "Tetouan Open Commune 2023-2026",
        },
        "mechanism": "open-government-action-plan",
        "theme": "transparency",
        "start": "2022-11-14",  # approval by the steering committee
        "end": "2026-12-31",  # approximate: end of the 2023-2026 plan period
        "summary": {
            "ar": "خطة عمل محلية لمبادرة شراكة الحكومة المنفتحة، بأربعة محاور وأحد عشر التزاما، صادقت عليها "
            "لجنة الإشراف المحلية بالإجماع يوم 14 نونبر 2022.",
            "fr": "Plan d'action local du Partenariat pour un gouvernement ouvert, en quatre axes et onze "
            "engagements, approuvé à l'unanimité par le comité de pilotage local le 14 novembre 2022.",
            "en": "A local Open Government Partnership action plan in four axes and eleven commitments, approved "
            "unanimously by the local steering committee on 14 November 2022.",
        },
        "body": [
            ("heading", "Le comité de pilotage du 14 novembre 2022"),
            (
                "paragraph",
                "Le comité de pilotage local s'est réuni le lundi 14 novembre 2022 au siège principal de la "
                "commune de Tétouan, avenue du 9 Avril, quartier administratif, pour examiner et approuver le "
                "projet de plan d'action « Tétouan commune ouverte 2023-2026 », préparé dans le cadre de "
                "l'initiative du Partenariat pour un gouvernement ouvert (OGP local).",
            ),
            (
                "paragraph",
                "Le comité réunissait des élus de la commune et des représentants d'associations de la société "
                "civile, aux côtés de l'équipe technique chargée de l'initiative OGP local au sein de la commune.",
            ),
            (
                "list",
                [
                    "le premier vice-président de la commune de Tétouan ;",
                    "le quatrième vice-président, chargé de la culture ;",
                    "un conseiller communal ;",
                    "le directeur général de l'association ATIL (Tétouan initiatives locales) ;",
                    "un représentant de l'association Colombe blanche pour les droits des personnes en situation "
                    "de handicap au Maroc ;",
                    "le président de l'association Patrimoine, citoyenneté et développement ;",
                    "le vice-président de l'association des enseignants des sciences de la vie et de la Terre "
                    "de Tétouan ;",
                    "la présidente et une membre de l'association « Femme militante » ;",
                    "étaient aussi présents : le point de contact OGP local de la commune, deux membres de "
                    "l'équipe technique OGP local, une représentante de la direction générale des services "
                    "communaux et un représentant du service de l'information et de la communication.",
                ],
            ),
            ("heading", "Ordre du jour"),
            (
                "list",
                [
                    "Présentation et discussion du projet de plan d'action « Tétouan commune ouverte ».",
                    "Approbation du plan d'action.",
                ],
            ),
            ("heading", "Mot d'ouverture"),
            (
                "list",
                [
                    "Accueil des participants et rappel que la réunion a pour objet la discussion et "
                    "l'approbation du projet de plan d'action « Tétouan commune ouverte ».",
                    "Remerciements à l'association Colombe blanche et à l'association Patrimoine, citoyenneté et "
                    "développement, qui ont soutenu la démarche, ont participé à la rencontre régionale Afrique et "
                    "Moyen-Orient du gouvernement ouvert tenue à Marrakech les 1er, 2 et 3 novembre 2022 et se sont "
                    "mobilisées pour faire réussir l'expérience.",
                    "Rappel du diagnostic initial de la situation réalisé par la commune et des quatre ateliers "
                    "organisés : transparence ; genre et inclusion sociale ; participation citoyenne ; innovation "
                    "et amélioration des services communaux.",
                    "L'équipe technique a préparé le plan à partir des propositions et recommandations des "
                    "ateliers, des échanges avec les communes ouvertes rencontrées à Marrakech et du plan d'action "
                    "national pour le gouvernement ouvert.",
                    "Chaque engagement du plan regroupe des activités et des projets que la commune s'oblige à "
                    "réaliser dans les délais fixés, selon le référentiel et la méthodologie de l'initiative du "
                    "Partenariat pour un gouvernement ouvert.",
                    "Le plan d'action doit rester cohérent avec les domaines de l'initiative.",
                    "La démarche est inédite : Tétouan est la première commune du pays à avoir rejoint "
                    "l'initiative du Partenariat pour un gouvernement ouvert.",
                    "Un réseau national des communes ouvertes a été créé pour préparer d'autres communes "
                    "marocaines à rejoindre le réseau mondial ; un réseau régional Afrique et Moyen-Orient des "
                    "communes ouvertes a également été créé, avec la participation de Tétouan à sa direction.",
                ],
            ),
            ("heading", "Les quatre axes du plan d'action"),
            (
                "paragraph",
                "Le projet de plan a été présenté par le point de contact de la commune pour l'initiative OGP "
                "local. Il s'articule autour de quatre axes :",
            ),
            (
                "list",
                [
                    "Transparence",
                    "Participation citoyenne",
                    "Intégrité et responsabilité",
                    "Innovation pour l'amélioration des services",
                ],
            ),
            ("heading", "Les onze engagements"),
            (
                "list",
                [
                    "Renforcer la transparence financière et simplifier le document du budget citoyen.",
                    "Élaborer un cadre réglementaire garantissant la transparence du soutien financier et du "
                    "partenariat avec les associations de la société civile.",
                    "Publier de manière proactive les informations relatives à la gestion et aux services.",
                    "Assurer le suivi public de la mise en œuvre du programme d'action de la commune.",
                    "Réaliser une plateforme électronique interactive de suivi du plan d'action « Tétouan "
                    "commune ouverte 2023-2026 ».",
                    "Élaborer et mettre en œuvre un agenda local des objectifs de développement durable.",
                    "Mettre en place des services de proximité sensibles au genre, garants de l'égalité et de "
                    "la justice territoriale.",
                    "Renforcer la communication inclusive.",
                    "Renforcer l'accès de tous à la culture, au patrimoine et à l'animation artistique.",
                    "Élaborer de manière participative un programme d'action et créer des aménagements "
                    "d'accessibilité modèles.",
                    "Constituer et activer des instances consultatives spécialisées.",
                ],
            ),
            (
                "paragraph",
                "Chaque engagement précise la problématique posée, la solution proposée, le programme "
                "d'activités, les résultats attendus, les indicateurs de résultats et les indicateurs d'impact.",
            ),
            ("heading", "Points convenus"),
            ("paragraph", "Sur la méthode et le contenu du plan :"),
            (
                "list",
                [
                    "adapter le plan d'action aux objectifs de développement durable (ODD) et harmoniser le "
                    "programme d'action de la commune avec le programme des ODD ;",
                    "nommer les ODD couverts par chaque axe ;",
                    "regrouper les projets de transparence et de communication ;",
                    "réduire le nombre d'activités au sein de chaque engagement ;",
                    "mettre en évidence les termes clés du plan d'action de la commune ouverte ;",
                    "ouvrir la participation citoyenne dans tous les axes ;",
                    "faire de la numérisation un volet transversal à tous les engagements ;",
                    "ajouter l'instance chargée de la culture au onzième engagement ;",
                    "proposer que les instances participatives prennent en charge certaines activités du plan "
                    "en partenariat avec la commune ;",
                    "confier l'accompagnement et la supervision du projet aux membres du comité de pilotage, "
                    "chacun selon ses compétences.",
                ],
            ),
            ("paragraph", "Sur le budget participatif et le budget citoyen :"),
            (
                "list",
                [
                    "présenter une conception du budget participatif et de sa gestion ;",
                    "rédiger un guide du budget participatif ;",
                    "rechercher des bailleurs de fonds et les modalités de création d'un budget participatif ;",
                    "s'appuyer sur la coopération internationale pour en poser les règles ;",
                    "transformer le projet d'accessibilité de la médina en budget participatif ;",
                    "rédiger le budget citoyen en braille.",
                ],
            ),
            ("paragraph", "Sur la transparence, l'inclusion et la participation :"),
            (
                "list",
                [
                    "publier avant et après l'appel à projets la liste des associations candidates, avec une "
                    "grille de notation annoncée dans la procédure ;",
                    "étudier la possibilité d'inclure les rapports d'audit interne des secteurs qui concernent "
                    "la population ;",
                    "rendre le conseil des jeunes opérationnel au plus vite ;",
                    "mesurer la satisfaction des citoyens à l'égard des services communaux, plutôt que de "
                    "recueillir de simples remarques sur la plateforme électronique de la commune ;",
                    "exploiter le guide et le diagnostic de l'accessibilité réalisés en partenariat avec MedCités ;",
                    "proposer une vision de la ville créative et de l'animation culturelle sous l'angle du genre ;",
                    "rendre les rapports périodiques sensibles au genre.",
                ],
            ),
            ("paragraph", "Sur les ODD et les services aux citoyens :"),
            (
                "list",
                [
                    "sensibiliser aux objectifs de développement durable et créer un observatoire des ODD ;",
                    "créer un bureau du citoyen ;",
                    "créer un guichet unique des services communaux ;",
                    "dépasser le site web classique de la commune au profit d'une application de services "
                    "accessible et téléchargeable par tous : orientation, signalement des problèmes liés à la "
                    "gestion déléguée et aux compétences propres de la commune, circuits touristiques, "
                    "présentation de la ville.",
                ],
            ),
            ("heading", "Résultat et conclusion"),
            (
                "quote",
                "Le plan d'action a été approuvé à l'unanimité des membres présents du comité de pilotage.",
                "Compte rendu du comité de pilotage, Tétouan, 14 novembre 2022",
            ),
            ("paragraph", "La réunion s'est achevée à 18 h 45."),
        ],
        "results": [
            "Plan d'action approuvé à l'unanimité le 14 novembre 2022",
            "Quatre axes et onze engagements",
            "Quatre ateliers de diagnostic préalables",
            "Budget citoyen prévu en braille",
            "Conseil des jeunes à rendre opérationnel au plus vite",
            "Mesure de la satisfaction des citoyens à l'égard des services communaux",
        ],
        "documents": [
            {
                "title": "Compte rendu du comité de pilotage du 14 novembre 2022",
                "filename": "tetouan-comite-de-pilotage-2022-11-14.pdf",
            },
            {
                "title": "Plan d'action « Tétouan commune ouverte 2023-2026 »",
                "filename": "tetouan-commune-ouverte-2023-2026.pdf",
            },
        ],
    },
    {
        "commune": "sefrou",
        "slug": "sefrou-gouvernance-participative",
        "source_language": "ar",
        "title": {
            "ar": "صفرو: الحكامة التشاركية بإمكانيات ذاتية",
            "fr": "Sefrou : la gouvernance participative avec ses propres moyens",
            "en": "Sefrou: participatory governance on its own resources",
        },
        "mechanism": "commune-action-plan",
        "theme": "citizen-participation",
        "start": "2016-03-30",  # the network's second meeting in Sefrou
        "end": "2016-03-31",
        "summary": {
            "ar": "احتضنت صفرو، التي طبقت برنامج الحكامة التشاركية بتكاليف ذاتية، الملتقى الثاني للشبكة يومي "
            "30 و31 مارس 2016 حول آليات المشاركة في بلورة مخطط العمل الجماعي.",
            "fr": "Sefrou, qui a appliqué la gouvernance participative avec ses propres moyens, a accueilli les 30 "
            "et 31 mars 2016 la deuxième rencontre du réseau, consacrée à la participation au plan d'action "
            "communal.",
            "en": "Sefrou, which applied participatory governance with its own resources, hosted the network's "
            "second meeting on 30 and 31 March 2016, on participation in the commune action plan.",
        },
        "body": [
            ("heading", "الملتقى الثاني للشبكة المغربية للحكامة التشاركية"),
            (
                "paragraph",
                "احتضنت مدينة صفرو يومي 30 و31 مارس 2016 الملتقى الثاني للشبكة المغربية للحكامة التشاركية، حول "
                "موضوع «آليات المشاركة في بلورة مخطط العمل الجماعي»، بالشراكة مع المديرية العامة للجماعات المحلية "
                "والتعاون الألماني. ويندرج هذا اللقاء في إطار برنامج التعاون «CoMun» للمدن والبلديات لتطوير "
                "المناطق الحضرية بالفضاء المغاربي.",
            ),
            (
                "paragraph",
                "وشارك فيه منتخبون وأطر ممثلة للمدن الأعضاء بالشبكة، وممثلون عن المديرية العامة للجماعات المحلية "
                "وعن التعاون الألماني والمجتمع المدني.",
            ),
            ("heading", "الجلسة الافتتاحية"),
            (
                "paragraph",
                "عبر السيد عبد السلام زوكار، عامل إقليم صفرو، عن سعادته بانضمام مدينة صفرو إلى الشبكة المغربية "
                "للحكامة التشاركية، ورحب باستضافة المدينة لهذا اللقاء.",
            ),
            (
                "quote",
                "نحن فخورون باحتضان هذا اللقاء، خصوصا بعدما انخرطت مدينة صفرو في عدة تجارب تشاركية بكل جدية، "
                "من أجل تحقيق تنمية حقيقية.",
                "عبد السلام زوكار، عامل إقليم صفرو",
            ),
            (
                "quote",
                "إن مدينة صفرو اليوم تعتبر من الجماعات القلائل التي طبقت برنامج الحكامة التشاركية بتكاليف ذاتية، "
                "ونجحت في محاولتها فتح حوار جماعي، وهناك مجموعة من البرامج طبقت في مجال الحكامة التشاركية، ونحن "
                "نأمل أن ينحو هذا البرنامج المنحى نفسه.",
                "جمال الفيلالي، رئيس مجلس جماعة صفرو",
            ),
            (
                "paragraph",
                "من جانبه، أكد السيد محمد النية، عن مديرية الممتلكات بالمديرية العامة للجماعات المحلية، أن اللقاء "
                "يكتسي أهمية كبيرة لأنه يستند إلى دستور 2011 الذي جعل من التشاور أحد أهم شروط الحكامة المحلية، "
                "وهو ما يطرح مسألة كيفية العمل وتطبيق القوانين التنظيمية المتعلقة بالجماعات الترابية التي نص "
                "عليها الدستور.",
            ),
            (
                "paragraph",
                "وتقدم ممثل وكالة التعاون الألماني بالشكر للسيد عامل الإقليم على تعاونه في تنظيم اللقاء وتوفير "
                "جميع الإمكانيات لإنجاحه، وللوقوف على تجربة مدينة صفرو في مجال الحكامة والتشاور. وذكر بدور "
                "الشبكة المغربية التي أضحت فضاء للنقاش بين الأعضاء وحلقة وصل لتبادل التجارب بين المنتخبين والأطر "
                "الإدارية، مشيرا إلى أن موضوع اللقاء جاء استجابة لرغبة المشاركين في اللقاءات السابقة الذين "
                "اعتبروه تحديا كبيرا في العمل.",
            ),
            ("heading", "اليوم الأول: مجموعات العمل والزيارات الميدانية"),
            (
                "paragraph",
                "تواصلت أشغال الملتقى بتشكيل مجموعات عمل للتفكير في طرق وضع وتوظيف آليات الحكامة التشاركية "
                "المحلية، خاصة آلية المناصفة وتكافؤ الفرص ومقاربة النوع، وآليات التشاور والحوار.",
            ),
            (
                "paragraph",
                "وتم تنشيط النقاش بمشاركة جمعية تاركا، التي واكبت مجموعة من التجارب الجماعية الناجحة، ووضعت "
                "خبرتها رهن إشارة المشاركين عبر عروض نظرية وميدانية للأخذ بها في عملية التطبيق.",
            ),
            (
                "paragraph",
                "واختتمت أعمال اليوم الأول بزيارات ميدانية لمقر الجماعة الحضرية لصفرو، للاطلاع على تجربتها الحديثة في:",
            ),
            (
                "list",
                [
                    "مكاتب الحالة المدنية؛",
                    "الافتحاص الداخلي؛",
                    "مصلحة تدبير الشكايات.",
                ],
            ),
            ("heading", "اليوم الثاني: من التشخيص إلى برنامج عمل الجماعة"),
            (
                "paragraph",
                "تميز اليوم الثاني بتعميق النقاش حول المقتضيات المتعلقة بالحكامة التشاركية في القوانين التنظيمية "
                "للجماعات الترابية، وتقديم مرحلة التشخيص وآليات التشخيص التشاركي، ثم التعمق في مرحلة التخطيط "
                "واعتماد برنامج عمل الجماعة.",
            ),
            (
                "paragraph",
                "وتوزع المشاركون على مجموعتي عمل لدراسة الآليات التشاركية لتتبع وتقييم تفعيل برنامج عمل الجماعة "
                "والخروج بمقترحات عملية، كما تم عرض نموذج لميثاق الحكامة التشاركية المحلية.",
            ),
            ("heading", "الجماعات الأعضاء في الشبكة"),
            (
                "paragraph",
                "تشارك خمس عشرة جماعة في برنامج الشبكة المغربية للحكامة التشاركية، وهي: تيزنيت، وأكادير، ووجدة، "
                "وشفشاون، وتطوان، والقنيطرة، والرباط، وكلميم، والدار البيضاء، وتارودانت، والعرائش، والمحمدية، "
                "وسلا، وتمارة، وصفرو.",
            ),
            ("heading", "العروض المقدمة خلال اللقاء"),
            (
                "list",
                [
                    "الإطار القانوني لبرنامج عمل الجماعة",
                    "مرحلة التشخيص",
                    "مرحلة التخطيط",
                    "مرحلة التحضير",
                    "مراحل الإعداد",
                    "ميزة الجماعة المواطنة",
                    "التخطيط الجماعي",
                ],
            ),
        ],
        "results": [
            "انضمام جماعة صفرو إلى الشبكة المغربية للحكامة التشاركية",
            "تطبيق برنامج الحكامة التشاركية بتكاليف ذاتية وفتح حوار جماعي",
            "زيارات ميدانية لمكاتب الحالة المدنية والافتحاص الداخلي ومصلحة تدبير الشكايات",
            "مقترحات عملية لتتبع وتقييم تفعيل برنامج عمل الجماعة",
            "عرض نموذج لميثاق الحكامة التشاركية المحلية",
        ],
        "documents": [
            {"title": "الإطار القانوني لبرنامج عمل الجماعة", "filename": "sefrou-2016-cadre-juridique-pac.pdf"},
            {"title": "مرحلة التشخيص", "filename": "sefrou-2016-phase-diagnostic.pdf"},
            {"title": "مرحلة التخطيط", "filename": "sefrou-2016-phase-planification.pdf"},
        ],
    },
]

# ---------------------------------------------------------------------------
# News (seed 000: posts of the AMPCPP, 2019-2022)
# ---------------------------------------------------------------------------

NEWS: list[dict] = [
    {
        "slug": "executive-board-2022-04-23",
        "date": "2022-04-23",
        "source_language": "ar",
        "title": {
            "ar": "اجتماع المكتب التنفيذي للاطلاع على أنشطة الجمعية لشهري مارس وأبريل 2022",
            "fr": "Le bureau exécutif fait le point sur les activités de l'association en mars et avril 2022",
            "en": "Executive board reviews the association's activities for March and April 2022",
        },
        "intro": {
            "ar": "خصص المكتب التنفيذي اجتماعه ليوم 23 أبريل 2022 لأنشطة الجمعية ولاتفاقية شراكة جديدة وللمشاركة في قمة أفريسيتي.",
            "fr": "Réuni le 23 avril 2022, le bureau exécutif a examiné les activités de l'association, un nouvel "
            "accord de partenariat et la participation au sommet Africités.",
            "en": "Meeting on 23 April 2022, the executive board reviewed the association's activities, a new "
            "partnership agreement and its participation in the Africities summit.",
        },
        "body": [
            (
                "paragraph",
                "خصص اجتماع المكتب التنفيذي للجمعية المغربية لرؤساء مجالس العمالات والأقاليم، المنعقد يوم السبت "
                "23 أبريل 2022 بمقر الجمعية، للاطلاع على أنشطة الجمعية لشهري مارس وأبريل 2022، وكذا لتدارس النقط "
                "التالية:",
            ),
            (
                "list",
                [
                    "المصادقة على اتفاقية الشراكة والتعاون مع اللجنة الوطنية للتربية والعلوم والثقافة، للمساهمة "
                    "بشكل مشترك في إنجاز مشاريع وبرامج ودراسات والقيام بأنشطة في مجالات التربية والعلوم والثقافة، "
                    "ارتباطا بتعزيز اللامركزية ودعم جهود التنمية الاقتصادية والاجتماعية والثقافية والبيئية لمجالس "
                    "العمالات والأقاليم؛",
                    "دراسة كيفية مشاركة الجمعية في أشغال القمة التاسعة لأفريسيتي المزمع عقدها بمدينة كيسومو بكينيا "
                    "من 17 إلى 21 ماي 2022.",
                ],
            ),
        ],
    },
    {
        "slug": "interactive-meeting-dgct-organic-law-112-14",
        "date": "2022-03-15",
        "source_language": "ar",
        "title": {
            "ar": "اجتماع تفاعلي مع الوالي المدير العام للجماعات الترابية حول القانون التنظيمي 112-14",
            "fr": "Réunion interactive avec le wali directeur général des collectivités territoriales sur la loi "
            "organique 112-14",
            "en": "Interactive meeting with the Director General of Territorial Collectivities on Organic Law 112-14",
        },
        "intro": {
            "ar": "لقاء للحوار مع المديرية العامة للجماعات الترابية حول إكراهات مجالس العمالات والأقاليم، لخصتها الجمعية في ثلاثة محاور: الاختصاصات والموارد المالية والموارد البشرية.",
            "fr": "Une rencontre de dialogue avec la Direction générale des collectivités territoriales sur les "
            "difficultés des conseils préfectoraux et provinciaux, regroupées en trois axes : compétences, "
            "ressources financières et ressources humaines.",
            "en": "A dialogue with the Directorate General of Territorial Collectivities on the difficulties of "
            "prefecture and province councils, grouped in three axes: competences, financial resources and human "
            "resources.",
        },
        "body": [
            (
                "paragraph",
                "عقد يوم الثلاثاء 15 مارس 2022، بمقر الجمعية المغربية لرؤساء مجالس العمالات والأقاليم، اجتماع "
                "تفاعلي ترأسه السيد خالد سفير، الوالي المدير العام للجماعات الترابية بوزارة الداخلية، مرفوقا بعدد "
                "من السادة العمال والأطر العاملين إلى جانبه، والسيد عبد العزيز الدرويش، رئيس الجمعية، بحضور "
                "السيدات والسادة أعضاء المكتب التنفيذي للجمعية وأطرها.",
            ),
            (
                "paragraph",
                "في بداية الاجتماع، رحب رئيس الجمعية بالسيد الوالي المدير العام وبالسادة العمال والأطر المرافقة "
                "له، وشكره على سرعة الاستجابة لطلب الجمعية عقد لقاء معه لدراسة موضوع تدبير مجالس العمالات والأقاليم "
                "وما تعرفه من إشكالات.",
            ),
            ("heading", "كلمة الوالي المدير العام للجماعات الترابية"),
            (
                "paragraph",
                "هنأ السيد الوالي المدير العام أعضاء مكتب الجمعية على الثقة التي حظوا بها، مبرزا أنه جاء مع "
                "الطاقم المرافق له للإنصات إلى ما يؤرق بال السادة الرؤساء بغية تحسين الأداء. وأوضح أن القانون "
                "التنظيمي 112-14 جاء بعدة أمور جديدة لمجالس العمالات والأقاليم مقارنة مع القوانين التنظيمية الخاصة "
                "بالجماعات الترابية الأخرى، وأشار إلى وجود عدة ملاحظات تهم الاختصاصات التي جاءت فضفاضة وكذلك ضعف "
                "الموارد المالية، مؤكدا استعداد المديرية العامة للجماعات الترابية للعمل مع الجمعية عبر خلق فرق عمل "
                "للتفكير والانكباب على مختلف الملفات، على أمل الخروج بخلاصات.",
            ),
            ("heading", "كلمة رئيس الجمعية"),
            (
                "paragraph",
                "أبرز رئيس الجمعية أن قرار عقد هذا اللقاء جاء تبعا للنقاش الجاد لأعضاء المكتب التنفيذي بخصوص "
                "الإكراهات التي أبرزها التدبير الميداني واليومي لشؤون مجالس العمالات والأقاليم. فرغم الوضعية "
                "المتقدمة التي أصبحت لهذه المجالس داخل مشهد اللامركزية، كوحدات إدارية تتمتع بالشخصية المعنوية "
                "والاستقلال المالي وتدبر شؤونها بشكل حر، وكشريك رئيسي في المسلسل التنموي المحلي ووحدات ترابية "
                "وسيطة في منظومة الجهوية المتقدمة، أبانت تجربة الانتداب الفارط أنها لا تزال تعيش إشكالات وتحديات "
                "كبرى، سواء في ممارسة اختصاصاتها في المجال الاجتماعي، خاصة ما يهم الاهتمام بالفئات الهشة ومحاربة "
                "الفقر والإقصاء، أو من حيث محدودية الموارد المالية التي لا تفي بالمتطلبات، إضافة إلى افتقادها "
                "للموارد البشرية المطلوبة.",
            ),
            (
                "paragraph",
                "ولذلك تقرر طلب عقد لقاء للحوار مع وزارة الداخلية، ممثلة في المديرية العامة للجماعات الترابية، من "
                "أجل قراءة جماعية للصلاحيات المخولة لهذه المجالس بموجب القانون التنظيمي رقم 112.14 المتعلق "
                "بالعمالات والأقاليم، والوقوف على الإشكاليات والإكراهات التي تعاني منها، مع عرض بعض الإشكالات التي "
                "تطرحها بعض مواد هذا القانون في أفق تجويده.",
            ),
            ("heading", "ثلاثة محاور للتحديات"),
            ("paragraph", "لخص مكتب الجمعية هذه التحديات في ثلاثة محاور وردت في مذكرة قدمت خلال الاجتماع:"),
            (
                "list",
                [
                    "الاختصاصات، بما فيها الالتقائية مع القطاعات الحكومية عند إنجاز المشاريع؛",
                    "الموارد المالية الموضوعة رهن إشارة المجالس؛",
                    "الموارد البشرية الكفيلة بتنزيل البرامج التنموية لهذه المجالس.",
                ],
            ),
        ],
    },
    {
        "slug": "executive-board-2022-02-26",
        "date": "2022-02-26",
        "source_language": "ar",
        "title": {
            "ar": "أول اجتماع للمكتب التنفيذي بعد تجديد هياكل الجمعية",
            "fr": "Première réunion du bureau exécutif après le renouvellement des instances de l'association",
            "en": "First executive board meeting after the renewal of the association's bodies",
        },
        "intro": {
            "ar": "صادق المكتب التنفيذي يوم 26 فبراير 2022 على ميزانية الجمعية لسنة 2022 وعلى اتفاقيات مع وزارة الداخلية ومجلس المستشارين.",
            "fr": "Le 26 février 2022, le bureau exécutif a approuvé le budget 2022 de l'association et des accords "
            "avec le ministère de l'Intérieur et la Chambre des conseillers.",
            "en": "On 26 February 2022 the executive board approved the association's 2022 budget and agreements "
            "with the Ministry of the Interior and the House of Councillors.",
        },
        "body": [
            (
                "paragraph",
                "عقد المكتب التنفيذي للجمعية المغربية لرؤساء مجالس العمالات والأقاليم اجتماعا يوم السبت 26 فبراير "
                "2022، انطلاقا من الساعة العاشرة صباحا، بقاعة الاجتماعات بمقر الجمعية الكائن بشارع طارق بن زياد، "
                "الرقم 14، حسان، الرباط. ويأتي هذا الاجتماع بعد الجمع العام الأخير للجمعية الذي انعقد بمراكش والذي "
                "عرف تجديد هياكلها.",
            ),
            (
                "paragraph",
                "في البداية، أكد رئيس الجمعية على الدور الهام الذي تلعبه الجمعية كمخاطب أمام الهيئات الحكومية "
                "وكآلية للتعاون والترافع أمام وزارة الداخلية لتجاوز المعيقات التي يعرفها تدبير هذه المجالس، كما "
                "أشار إلى أهمية التعاون والتنسيق بين كافة المجالس لتقاسم التجارب الفضلى وتبادل المعلومات حول "
                "المجالات التي تدخل ضمن اختصاصاتها.",
            ),
            ("heading", "ميزانية 2022 والاتفاقيات"),
            (
                "paragraph",
                "بعد تقديم عرض حول الجمعية وأهدافها وبسط استراتيجية عمل المكتب الجديد، تمت دراسة مشروع ميزانية "
                "الجمعية برسم سنة 2022 والمصادقة عليه، وكذا المصادقة على:",
            ),
            (
                "list",
                [
                    "اتفاقية شراكة وتعاون بين الجمعية ووزارة الداخلية ممثلة بالمديرية العامة للجماعات الترابية؛",
                    "مذكرة تفاهم بين الجمعية ومجلس المستشارين.",
                ],
            ),
            ("heading", "الأنشطة المقبلة"),
            (
                "list",
                [
                    "ندوة حول الاقتصاد التضامني بالتعاون مع الجمعية الفرنسية «تويزا للتضامن»؛",
                    "ندوة وطنية حول العمالات والأقاليم والهندسة المؤسساتية للامركزية بالمغرب.",
                ],
            ),
            (
                "paragraph",
                "كما عرف الاجتماع تقديم عرض حول التعاون مع مؤتمر السلطات المحلية والجهوية التابع لمجلس أوروبا، "
                "باعتبار المغرب أول دولة شريكة بجنوب البحر الأبيض المتوسط تحصل على وضعية الشريك من أجل الديمقراطية "
                "المحلية، وعرض حول الصندوق الإفريقي لدعم التعاون اللامركزي كآلية للتعاون جنوب-جنوب وفرصة للمجالس "
                "للتعاون مع الجماعات الترابية الإفريقية في إطار الدبلوماسية الموازية.",
            ),
            ("heading", "مختلفات"),
            (
                "list",
                [
                    "التخفيض الذي عرفته ميزانية المجالس برسم سنة 2022؛",
                    "مشروع القانون المتعلق بالإتاوات والرسوم التي ستخصص لمجالس العمالات والأقاليم؛",
                    "مشروع «أوراش» الذي كلفت مجالس العمالات والأقاليم بتنزيله على أرض الواقع.",
                ],
            ),
        ],
    },
    {
        "slug": "executive-board-2021-02-05",
        "date": "2021-02-05",
        "source_language": "ar",
        "title": {
            "ar": "اجتماع المكتب التنفيذي ولقاء علمي حول الدبلوماسية الملكية في الدفاع عن القضية الوطنية",
            "fr": "Réunion du bureau exécutif et rencontre scientifique sur la diplomatie royale au service de la "
            "cause nationale",
            "en": "Executive board meeting and scientific meeting on royal diplomacy in defence of the national cause",
        },
        "intro": {
            "ar": "جمع يوم 5 فبراير 2021 بين لقاء علمي تواصلي صباحا وأشغال المكتب التنفيذي مساء، ومنها المصادقة على ميزانية الجمعية لسنة 2021.",
            "fr": "Le 5 février 2021 a réuni une rencontre scientifique le matin et les travaux du bureau exécutif "
            "l'après-midi, dont l'approbation du budget 2021 de l'association.",
            "en": "On 5 February 2021 a scientific meeting in the morning was followed by the executive board's "
            "work in the afternoon, including the approval of the association's 2021 budget.",
        },
        "body": [
            (
                "paragraph",
                "انعقد اجتماع المكتب التنفيذي للجمعية المغربية لرؤساء مجالس العمالات والأقاليم بالمقر الاجتماعي "
                "للجمعية يوم الجمعة 5 فبراير 2021.",
            ),
            ("heading", "الفترة الصباحية (من 9 إلى 12)"),
            (
                "paragraph",
                "لقاء علمي تواصلي تحت عنوان «جمعية رؤساء مجالس العمالات والأقاليم تثمن الدبلوماسية الملكية في "
                "الدفاع عن القضية الوطنية»، من تأطير الأستاذة وفاء بنعلي، بمشاركة:",
            ),
            (
                "list",
                [
                    "السيد سعد بن مبارك، رئيس الجمعية المغربية لرؤساء مجالس العمالات والأقاليم؛",
                    "السيد سيمون سكيرا، الكاتب العام لفدرالية اليهود المغاربة بفرنسا؛",
                    "السيد سعد بوعشرين، رئيس المعهد الدولي للحكامة؛",
                    "الدكتور نور الدين بالحداد، باحث متخصص في شؤون الصحراء المغربية.",
                ],
            ),
            ("paragraph", "من الساعة 12 إلى 13:30: لقاء صحفي واستراحة شاي."),
            ("heading", "الفترة المسائية (من 13:30 إلى 18:00): أشغال المكتب التنفيذي"),
            (
                "list",
                [
                    "المصادقة على الميزانية التقديرية للجمعية للسنة المالية 2021؛",
                    "المصادقة على اتفاقية شراكة وتعاون بين الجمعية ووزارة الداخلية حول منحة سنة 2021؛",
                    "المصادقة على مشروع إحداث الفدرالية الوطنية للجمعيات الترابية المغربية؛",
                    "المصادقة على مذكرة تفاهم لإحداث «تنسيقية الجماعات الترابية للمغرب» بين الجمعية وجمعية جهات "
                    "المغرب والجمعية المغربية لرؤساء مجالس الجماعات، لتنسيق العمل للتفاوض حول برامج دورة "
                    "2021-2027 للتعاون الأوروبي المغربي؛",
                    "المصادقة على اتفاقية إطار للشراكة والتعاون في ميدان التكوين والتأطير وتقديم الخبرة والبحث العلمي؛",
                    "عرض جمعية الجسر حول حصيلة سنة 2020 على ضوء اتفاقية الشراكة التي تربطها بالجمعية؛",
                    "عرض المؤسسة المغربية للطالب حول حصيلة سنة 2020 على ضوء اتفاقية الشراكة التي تربطها بالجمعية؛",
                    "مختلفات.",
                ],
            ),
            ("heading", "نقط إخبارية"),
            (
                "list",
                [
                    "تنزيل برنامج التكوين المستمر لأعضاء مجالس العمالات والأقاليم؛",
                    "برنامج الاستفادة من الصندوق الفرنسي المغربي لدعم التعاون اللامركزي؛",
                    "حضور ندوة عن بعد حول «استراتيجيات التغذية الترابية، تبادل الخبرات فرنسا/المغرب» يوم 12 يناير "
                    "2021؛",
                    "حضور اجتماع حول الاستراتيجية الوطنية للتكوين لفائدة الموارد البشرية التابعة للجماعات الترابية "
                    "يوم الخميس 4 فبراير 2021.",
                ],
            ),
        ],
    },
    {
        "slug": "executive-board-dakhla-2020-12-12",
        "date": "2020-12-12",
        "source_language": "ar",
        "title": {
            "ar": "اجتماع المكتب التنفيذي بالداخلة بمناسبة الزيارة التضامنية لمعبر الكركرات",
            "fr": "Réunion du bureau exécutif à Dakhla lors de la visite de solidarité au passage d'El Guerguerat",
            "en": "Executive board meets in Dakhla during a solidarity visit to the Guerguerat crossing",
        },
        "intro": {
            "ar": "صادق المكتب التنفيذي بالداخلة على حصيلة الجمعية للفترة 2019-2020 وعلى مذكرات تهم الإطار التشريعي للمجالس وجباياتها وموظفيها.",
            "fr": "À Dakhla, le bureau exécutif a approuvé le bilan 2019-2020 de l'association et des notes sur "
            "le cadre législatif, la fiscalité et le personnel des conseils.",
            "en": "In Dakhla the executive board approved the association's 2019-2020 report and memoranda on the "
            "councils' legal framework, taxation and staff.",
        },
        "body": [
            (
                "paragraph",
                "عقد المكتب التنفيذي للجمعية المغربية لرؤساء مجالس العمالات والأقاليم اجتماعه بمدينة الداخلة، "
                "بفندق نادي الداخلة، بمناسبة الزيارة التضامنية لمعبر الكركرات، يوم 12 دجنبر 2020.",
            ),
            ("heading", "جدول الأعمال"),
            (
                "list",
                [
                    "الاطلاع والمصادقة على حصيلة الجمعية للسنة 2019-2020؛",
                    "المصادقة على مذكرة استطلاع رأي السيدات والسادة رؤساء مجالس العمالات والأقاليم بخصوص الإطار "
                    "التشريعي والتنظيمي الخاص بهذه المجالس؛",
                    "المصادقة على المذكرة المتضمنة لاقتراحات الجمعية بخصوص مشروع قانون بمثابة النظام الأساسي الخاص "
                    "بموظفي إدارات الجماعات الترابية والمراسيم التطبيقية المرتبطة به؛",
                    "المصادقة على المذكرة المتضمنة لاقتراحات الجمعية بخصوص مشروع القانون الإطار المتعلق بجبايات "
                    "الجماعات الترابية؛",
                    "المصادقة على انطلاق برنامج التكوين المستمر عن بعد لسنتي 2020-2021؛",
                    "مختلفات.",
                ],
            ),
            ("heading", "نقط إخبارية"),
            (
                "list",
                [
                    "حضور الدورة الرابعة للمنتدى الإفريقي للمدبرين الترابيين ومؤسسات التكوين الخاصة بالجماعات "
                    "الترابية، المنظمة من قبل منظمة المدن والحكومات المحلية المتحدة بإفريقيا من 23 إلى 28 نونبر 2020؛",
                    "المشاركة في حلقة دراسية حول تشاور السلطات المركزية مع السلطات المحلية والإقليمية يوم 24 نونبر "
                    "2020؛",
                    "المشاركة في اجتماعات اللجنة الوطنية للطلبيات والصفقات العمومية؛",
                    "تنظيم مجموعة بؤرية بتعاون مع مؤتمر السلطات المحلية والجهوية حول موضوع «توضيح وتجويد اختصاصات "
                    "مجالس العمالات والأقاليم وتنزيلها على أرض الواقع» يوم 19 نونبر 2020؛",
                    "حضور لقاء حول موضوع «الجماعات الترابية المغربية والفرنسية في مواجهة أزمة كوفيد-19» يوم 3 "
                    "نونبر 2020؛",
                    "اجتماع تنسيقي للوفد المغربي الشريك من أجل الديمقراطية للتحضير لأشغال هيئات مؤتمر السلطات "
                    "المحلية والجهوية لأوروبا يوم الاثنين 7 شتنبر 2020 بمقر الجمعية؛",
                    "المشاركة في الاجتماع الذي نظمته المديرية العامة للجماعات الترابية حول الاستراتيجية الوطنية "
                    "للتكوين المستمر؛",
                    "ترجمة محتوى الموقع الإلكتروني للجمعية إلى اللغة الفرنسية بتعاون مع مؤتمر السلطات المحلية "
                    "والجهوية التابع لمجلس أوروبا؛",
                    "المشاركة في لقاء افتراضي لمنظمة المدن والحكومات المحلية المتحدة حول إنعاش التزام الجماعات "
                    "الترابية والمواطنين من أجل المدينة التي نحتاجها في إفريقيا في الوقت الراهن وما بعد كوفيد-19؛",
                    "المشاركة في عدة اجتماعات عن بعد مع المسؤولين بمؤتمر السلطات المحلية والجهوية التابع لمجلس "
                    "أوروبا حول تنزيل البرامج المتفق عليها في إطار الشراكة مع المملكة المغربية، أول شريك له في "
                    "الديمقراطية المحلية؛",
                    "المشاركة في لجنة فرز العروض المتعلقة بتمويل الصندوق الإفريقي لدعم التعاون اللامركزي "
                    "للجماعات الترابية؛",
                    "اقتراح ممثل الجمعية بوحدة إدارة المشروع المتعلق بورش تبسيط ورقمنة المساطر على مستوى الجماعات "
                    "الترابية.",
                ],
            ),
        ],
    },
    {
        "slug": "executive-board-2020-10-20",
        "date": "2020-10-20",
        "source_language": "ar",
        "title": {
            "ar": "اجتماع المكتب التنفيذي تحضيرا للقاء التشاوري مع المديرية العامة للجماعات الترابية",
            "fr": "Réunion du bureau exécutif en préparation de la concertation avec la Direction générale des "
            "collectivités territoriales",
            "en": "Executive board prepares its consultation with the Directorate General of Territorial "
            "Collectivities",
        },
        "intro": {
            "ar": "استعد المكتب التنفيذي يوم 20 أكتوبر 2020 للاجتماع التشاوري مع الوالي المدير العام للجماعات الترابية، وصادق على برنامج التكوين وعلى عدة اتفاقيات شراكة.",
            "fr": "Le 20 octobre 2020, le bureau exécutif a préparé la concertation avec le wali directeur général "
            "des collectivités territoriales et approuvé le programme de formation et plusieurs partenariats.",
            "en": "On 20 October 2020 the executive board prepared its consultation with the Director General of "
            "Territorial Collectivities and approved the training programme and several partnerships.",
        },
        "body": [
            (
                "paragraph",
                "انعقد اجتماع المكتب التنفيذي للجمعية المغربية لرؤساء مجالس العمالات والأقاليم يوم الثلاثاء 20 "
                "أكتوبر 2020.",
            ),
            ("heading", "جدول الأعمال"),
            (
                "list",
                [
                    "التحضير للاجتماع التشاوري بين المكتب التنفيذي للجمعية والسيد الوالي المدير العام للجماعات "
                    "الترابية، المقرر يوم 21 أكتوبر 2020؛",
                    "عرض السيد المدير العام للوكالة الوطنية لإنعاش الشغل والكفاءات حول برنامج إنعاش تشغيل الشباب "
                    "في الوسط القروي، مع التوقيع على اتفاقية التعاون والشراكة لتنزيل هذا المشروع؛",
                    "الاطلاع على المذكرة التقديمية حول ورش تحيين القانون التنظيمي 112-14 المتعلق بالعمالات "
                    "والأقاليم، التي أعدها خبراء مؤتمر السلطات المحلية والجهوية التابع لمجلس أوروبا، والتي ستعتمد "
                    "لفتح هذا النقاش العمومي مع شركاء الجمعية؛",
                    "المصادقة على برنامج التكوين ورفع القدرات التدبيرية للمنتخبين لسنتي 2020 و2021؛",
                    "المصادقة على الموقع الإلكتروني للجمعية (ampcpp.com)؛",
                    "المصادقة على الملحق رقم 1 لاتفاقية الشراكة والتعاون بين الجمعية وجامعة الأخوين في ميدان "
                    "التكوين والتأطير وتقديم الخبرة والبحث العلمي؛",
                    "المصادقة على إبرام اتفاقية للشراكة والتعاون بين الجمعية وجمعية «أديفرام» الفرنسية حول الرفع "
                    "من القدرات التدبيرية للموارد البشرية؛",
                    "المصادقة على اتفاقية الشراكة بين الجمعية والجمعية الفرنسية «تويزا للتضامن»؛",
                    "المصادقة على اتفاقية التعاون والشراكة مع جامعة محمد الخامس؛",
                    "مختلفات.",
                ],
            ),
            ("heading", "نقط إخبارية"),
            (
                "list",
                [
                    "لقاءات مع المدير العام للجماعات المحلية ومسؤولي المديرية بوزارة الداخلية حول بعض الملفات التي "
                    "تهم تدبير مجالس العمالات والأقاليم؛",
                    "اجتماع لجنة القيادة للصندوق الإفريقي لدعم التعاون اللامركزي المغربي الإفريقي المحدث من طرف "
                    "وزارة الداخلية؛",
                    "لقاءات مع مديرة مديرية التخطيط والتجهيز ومع مسؤولي التنسيقية الوطنية للمبادرة الوطنية للتنمية "
                    "البشرية بخصوص التحضير للمناظرة الوطنية الأولى حول الطفل والهشاشة الاجتماعية؛",
                    "اللقاء مع مدير مديرية التعاون والتوثيق حول بعض الملفات التي تهم تدبير مجالس العمالات والأقاليم؛",
                    "حضور لقاء حول تدبير منازعات الصفقات العمومية للجماعات الترابية؛",
                    "المشاركة في إعداد تشخيص، من طرف مصالح المديرية، لمشاكل تنزيل اختصاصات مجالس العمالات والأقاليم؛",
                    "تنظيم ورشة تفاعلية بالمديرية العامة للجماعات الترابية حول اختصاصات مجالس العمالات والأقاليم، "
                    "بمشاركة أعضاء المكتب التنفيذي وبحضور بعض الأطر العليا بالمديرية؛",
                    "8 ماي 2020: لقاء تشاوري عن بعد بين المدير العام للجماعات الترابية والمكتب التنفيذي حول تدبير "
                    "الظروف الاستثنائية لجائحة كوفيد-19؛",
                    "17 يوليوز 2020: اجتماع تشاوري عن بعد مع الوالي المدير العام للجماعات الترابية، بمشاركة رؤساء "
                    "الجمعيات الثلاث للجماعات الترابية، حول التفاعل مع الدورية الوزارية رقم 9744 بتاريخ 11 يوليوز "
                    "2020 المتعلقة بالتدبير الأمثل للنفقات في ظرف الجائحة؛",
                    "مشاركة رئيس الجمعية في أشغال لجنة الحكامة التي نظمها مؤتمر السلطات المحلية والجهوية من 15 "
                    "إلى 17 شتنبر 2020 حول موضوع «جائحة كوفيد-19 وتحديات الحكامة»؛",
                    "المشاركة في ندوة حول موضوع «الرشوة والدعوة لتخليق الحياة العامة» يوم 19 أكتوبر 2020.",
                ],
            ),
        ],
    },
    {
        "slug": "executive-board-sale-2019-10-26",
        "date": "2019-10-26",
        "source_language": "en",
        "title": {
            "ar": "اجتماع المكتب التنفيذي بسلا يوم 26 أكتوبر 2019",
            "fr": "Réunion du bureau exécutif au Royal Nautique Club du Bouregreg, Salé, le 26 octobre 2019",
            "en": "Executive board meeting at the Royal Nautique Club of Bouregreg, Salé, 26 October 2019",
        },
        "intro": {
            "ar": "صادق المكتب التنفيذي على اتفاقيات شراكة جديدة وتدارس التحضير للمناظرة الوطنية الأولى حول الطفولة والهشاشة الاجتماعية.",
            "fr": "Le bureau exécutif a ratifié de nouveaux accords de partenariat et préparé le premier débat "
            "national sur l'enfance et la précarité sociale.",
            "en": "The executive board ratified new partnership agreements and prepared the first national debate "
            "on childhood and social precariousness.",
        },
        "body": [
            (
                "paragraph",
                "The Executive Board of the Moroccan Association of Presidents of the Councils of Prefectures and "
                "Provinces met at the Royal Nautique Club of Bouregreg in Salé on 26 October 2019.",
            ),
            ("heading", "Agenda of the meeting"),
            (
                "list",
                [
                    "Ratification of the partnership agreement between the Association and the Ministry of the "
                    "Interior on the financing of social and educational programmes related to the Association's "
                    "agreements with the Jisr Association and the Dar Attalib Foundation;",
                    "Ratification of a partnership and cooperation agreement between the Association and the "
                    "Libyan National League of Municipalities;",
                    "Preparation of the Maghreb seminar on \u201cThe Maghreb local authorities and the "
                    "implementation of the sustainable development goals by 2030\u201d;",
                    "Preparation of the first national debate on childhood and social precariousness: final "
                    "approval of the programme, establishment of the preparatory committee and definition of its "
                    "missions, and definition of the list of participants and guests;",
                    "Structuring of the Standing Committees of the Association;",
                    "Approval of the vocational training programme for the elected members of the Councils of "
                    "Prefectures and Provinces;",
                    "Visit to the restoration site of the Association's headquarters;",
                    "Miscellaneous.",
                ],
            ),
            ("heading", "News items"),
            (
                "list",
                [
                    "Participation in the preparatory study day for the first national debate on children in a "
                    "precarious social situation, held in Agadir on 15 October 2019;",
                    "Participation in the sixth congress of United Cities and Local Governments, held in Durban, "
                    "South Africa, from 11 to 15 November 2019;",
                    "Participation in COP25, from 3 to 13 December 2019, in Santiago de Chile;",
                    "Participation in the first national debate on advanced regionalisation, 19 and 20 December 2019.",
                ],
            ),
        ],
    },
    {
        "slug": "executive-board-organic-law-112-14-workshop-2019-06-29",
        "date": "2019-06-29",
        "source_language": "en",
        "title": {
            "ar": "المكتب التنفيذي يقيم تطبيق القانون التنظيمي 112.14 في ورشة تفاعلية",
            "fr": "Le bureau exécutif évalue l'application de la loi organique 112.14 lors d'un atelier interactif",
            "en": "Executive board evaluates the application of Organic Law 112.14 in an interactive workshop",
        },
        "intro": {
            "ar": "خصص المكتب التنفيذي صباح 29 يونيو 2019 لورشة تفاعلية حول تطبيق القانون التنظيمي المتعلق بالعمالات والأقاليم.",
            "fr": "Le 29 juin 2019, le bureau exécutif a consacré sa matinée à un atelier interactif sur "
            "l'application de la loi organique relative aux préfectures et provinces.",
            "en": "On 29 June 2019 the executive board devoted its morning to an interactive workshop on the "
            "application of the Organic Law on Prefectures and Provinces.",
        },
        "body": [
            (
                "paragraph",
                "The Executive Board of the Association met at the Royal Nautique Club of Bouregreg in Salé on "
                "29 June 2019.",
            ),
            ("heading", "Morning session (from 10 am)"),
            (
                "list",
                [
                    "Evaluation of the application of Organic Law No. 112.14 on Prefectures and Provinces "
                    "(interactive workshop);",
                    "First presentation, by officials of the Ministry of the Interior;",
                    "Second presentation, by Mr Abdallah Ghazi, Vice-President of the Association;",
                    "Third presentation, by Mr Abdelwahed Al Massoudi, Vice-President of the Association;",
                    "General discussion.",
                ],
            ),
            ("heading", "Afternoon session (from 2:30 pm): follow-up of the work of the Executive Board"),
            (
                "list",
                [
                    "Activities of the Association;",
                    "Modification of the Association's budget in the light of the support provided by the "
                    "Ministry of the Interior;",
                    "Preparation of the first national debate on children in precarious situations: \u201cThe "
                    "Councils of Prefectures and Provinces and the convergence of public policies relating to "
                    "children in precarious situations\u201d;",
                    "Preparation of a programme to strengthen the managerial capacities of the elected members of "
                    "the Prefectures and Provinces;",
                    "Mediation of the Association to resolve the financial problem of the Provincial Council of "
                    "Guelmim;",
                    "Examination and approval of the partnership and cooperation agreement with the Jisr Association.",
                ],
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# The network itself
# ---------------------------------------------------------------------------

NETWORK: dict = {
    "name": {
        "ar": "الشبكة المغربية للحكامة التشاركية",
        "fr": "Réseau marocain de la gouvernance participative",
        "en": "Moroccan Network for Participatory Governance",
    },
    "tagline": {
        "ar": "تبادل التجارب من أجل حكامة محلية تشاركية",
        "fr": "Partager les expériences pour une gouvernance locale participative",
        "en": "Sharing experience for participatory local governance",
    },
    "intro": {
        "ar": "تجمع الشبكة المغربية للحكامة التشاركية خمس عشرة جماعة مغربية تعمل على إشراك المواطنات والمواطنين "
        "في تدبير الشأن المحلي. وهي فضاء للنقاش بين الأعضاء وحلقة وصل لتبادل التجارب بين المنتخبين والأطر "
        "الإدارية. يعرض هذا الموقع الجماعات الأعضاء وتجاربها التشاركية وأخبار الشبكة وشركائها.",
        "fr": "Le Réseau marocain de la gouvernance participative réunit quinze communes marocaines qui associent "
        "les citoyennes et les citoyens à la gestion des affaires locales. C'est un espace de débat entre "
        "membres et un lien pour l'échange d'expériences entre élus et cadres administratifs. Ce site présente "
        "les communes membres, leurs expériences participatives et l'actualité du réseau et de ses partenaires.",
        "en": "The Moroccan Network for Participatory Governance brings together fifteen Moroccan communes that "
        "involve citizens in running local affairs. It is a forum for debate among its members and a link for "
        "sharing experience between elected officials and administrative staff. This site presents the member "
        "communes, their participatory experiences and the news of the network and its partners.",
    },
    "email": "contact@shabaka.example.ma",
    "footer": {
        "ar": "الشبكة المغربية للحكامة التشاركية: فضاء لتبادل التجارب بين الجماعات الأعضاء.",
        "fr": "Réseau marocain de la gouvernance participative : un espace d'échange d'expériences entre "
        "communes membres.",
        "en": "Moroccan Network for Participatory Governance: a space for sharing experience between member communes.",
    },
}
