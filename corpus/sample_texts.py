"""English texts of the fictional Report Search sample corpus.

Every organisation, person, case and figure in these documents is invented.
Block syntax understood by make_samples.py:
    "text"                      a paragraph
    ("sub", "heading")          a sub-heading
    ("bullets", [...])          a bulleted list
    ("lines", [...])            a paragraph with explicit line breaks
    ("break", "a", "b")         paragraph "a", page break, then "b" (one sentence spans the break)
    ("columns", [...])          paragraphs flowed in two columns
    ("table", (head, widths), rows)
    ("scan", "heading", [...])  an image-only page (raster, no text layer)
    ("small", "text")           small print
"""

SAMPLE_IMPRINT = [
    "This is a SAMPLE DOCUMENT created for the Report Search test corpus. The organisation, "
    "people, cases and figures in it are fictional. Any resemblance to real persons or "
    "institutions is coincidental.",
]

# ---------------------------------------------------------------------------
# 1. Research report, 2021, British spelling, roman-numeral front matter, long.
# ---------------------------------------------------------------------------
FISHING = {
    "file": "fishing-forced-labour-research-2021.pdf",
    "short": "Hooks and Debts (sample research report, 2021)",
    "title": "Hooks and Debts: Forced Labour in the Andaman Sea Fishing Fleet",
    "subtitle": "A research report on recruitment, debt and control aboard long-haul vessels",
    "publisher": "Andaman Sea Fisheries Watch (sample)",
    "year": 2021,
    "date": (2021, 9, 14),
    "type": "report",
    "genre_label": "Research report",
    "lang": "en",
    "countries": ["Thailand", "Myanmar", "Cambodia", "Indonesia"],
    "themes": ["forced labour", "fishing", "migration & recruitment"],
    "roman_pages": 2,
    "imprint": SAMPLE_IMPRINT
    + [
        "Suggested citation: Andaman Sea Fisheries Watch (sample), Hooks and Debts: Forced "
        "Labour in the Andaman Sea Fishing Fleet, Research Report No. 7 (fictional), 2021.",
    ],
    "front_matter": [
        {
            "heading": "Contents and foreword",
            "body": [
                (
                    "lines",
                    [
                        "Executive summary ........................................................ 1",
                        "1. Introduction and methodology ........................................... 1",
                        "2. Recruitment pathways into the fishing fleet ......................... 2",
                        "3. Debt bondage and financial control ..................................... 4",
                        "4. Conditions at sea .............................................................. 5",
                        "5. Identification and port inspections ................................... 6",
                        "6. Access to remedy ................................................................. 7",
                        "7. Recommendations ................................................................ 8",
                        "References ............................................................................. 9",
                    ],
                ),
                ("sub", "Foreword"),
                "This report is the seventh in our research series on labour conditions at sea. It "
                "draws on two years of fieldwork in fishing ports and on the testimony of men who "
                "agreed to share their experiences with us. We thank the port workers, interpreters "
                "and volunteers who made the study possible, and we dedicate it to the crew members "
                "who did not come home.",
                "The findings are presented in plain language so that they can inform the national "
                "action programme on forced labour, which is due for review next year. We welcome "
                "comments from government agencies, vessel owners and civil society partners.",
            ],
        },
    ],
    "summary": [
        "Between 2019 and 2021 our researchers interviewed 212 fishers who had worked on "
        "long-haul vessels operating from ports in southern Thailand. Most were migrant workers "
        "from Myanmar and Cambodia; a smaller group had been recruited in Indonesia. Almost half "
        "reported at least three indicators of forced labour as defined by the ILO, including "
        "withheld wages, retention of identity documents and threats of violence. The report "
        "finds that debt incurred during recruitment is the single strongest predictor of forced "
        "labour at sea, and that current port inspections rarely reach the crews most at risk.",
    ],
    "sections": [
        {
            "heading": "1. Introduction and methodology",
            "body": [
                "The fishing industry of the Andaman Sea employs tens of thousands of migrant "
                "workers. Since the early 2010s, media investigations have documented cases of "
                "abuse on vessels that stay at sea for months at a time, transferring their catch "
                "to carrier ships rather than returning to port. Reforms introduced since then have "
                "improved registration of workers and vessels, yet reports of abuse continue.",
                (
                    "lines",
                    [
                        "This study set out to understand why forced labour persists despite these reforms. We",
                        "asked how fishers are recruited, how their debts are created and enforced, and why so",
                        "few cases of human traf-",
                        "ficking at sea are identified during port inspections. We also examined what happens",
                        "to fishers who do come forward and whether they obtain any remedy.",
                    ],
                ),
                "Fieldwork took place in four ports between March 2019 and February 2021. Trained "
                "interviewers who spoke Burmese, Khmer and Indonesian conducted structured interviews "
                "with 212 fishers and semi-structured interviews with 31 key informants, including "
                "boat owners, labour inspectors, brokers and staff of a legal aid office. The "
                "COVID-19 pandemic interrupted fieldwork for five months in 2020.",
                "All names in this report have been changed. Quotations were translated by the "
                "research team and checked by a second interpreter.",
            ],
            "notes": [
                "ILO Forced Labour Convention, 1930 (No. 29), and Protocol of 2014; indicators "
                "follow the ILO operational indicators of forced labour (2012).",
                "The ports are not named in order to protect respondents. See Annex 1 (not "
                "reproduced in this sample) for the sampling frame.",
            ],
        },
        {
            "heading": "2. Recruitment pathways into the fishing fleet",
            "newpage": True,
            "body": [
                "Three recruitment pathways were identified. The first and most common was "
                "informal recruitment through brokers in the fisher's home village. Older fishers "
                "from Myanmar still referred to their country as Burma and described brokers who "
                "had worked the same routes for two decades. The second pathway ran through "
                "licensed recruitment agencies under bilateral memoranda of understanding. The "
                "third consisted of workers who were already in Thailand, often in construction or "
                "agriculture, and who were approached at bus stations or markets with offers of "
                "higher wages in fishing.",
                "The formal pathway was not free of abuse. Fishers recruited through licensed "
                "agencies paid fees that averaged 18,000 baht, well above the legal ceiling, and "
                "several reported that their contracts were replaced by different documents on "
                "arrival. Informal recruits paid less up front but were more likely to be told "
                "that their fees would be deducted from future wages.",
                "A recurring theme was deception about the nature of the work. Men who had been "
                "promised jobs in fish processing factories found themselves on boats. Others had "
                "agreed to fish, but on coastal vessels that return to port every few days, not on "
                "long-haul trawlers that stay at sea for a year or more.",
                "Brokers played a double role. They were the fisher's main source of information "
                "and, at the same time, the person to whom he owed money. Several respondents "
                "described brokers who collected wages on their behalf and sent only a fraction "
                "to their families.",
                "Recruitment of Cambodian fishers followed a slightly different pattern. Brokers in "
                "border provinces arranged transport to ports on the Gulf coast, where men were held "
                "in boarding houses until a vessel needed crew. Several respondents described being "
                "locked in these houses for days, with every meal added to their debt.",
                "The age of recruits was also a concern. Nine respondents said they had been under "
                "eighteen when they first went to sea, although all had been issued documents "
                "stating an older age. Crew lists seen by the research team contained dates of birth "
                "that were clearly inconsistent with the appearance of the men listed.",
                "Few fishers had seen their contracts before departure. Of those recruited through "
                "licensed agencies, only one in three had received a copy of the contract in a "
                "language they could read, and fewer still understood the clauses on deductions, "
                "rest periods and the length of the voyage. Several said they had signed blank "
                "pages at the agency office.",
                "Once at sea, control over documents became the main tool for keeping crews on "
                "board.",
                (
                    "break",
                    "Crew members interviewed for this study consistently reported that their "
                    "identity documents were held by the captain for the entire",
                    "duration of the voyage, which in several cases exceeded eighteen months. Without "
                    "documents, a fisher who leaves the boat in a foreign port risks arrest as an "
                    "irregular migrant, and many said this was the main reason they stayed.",
                ),
                "Women were rarely recruited for work on board, but several respondents' wives and "
                "sisters had been recruited through the same brokers for work in seafood "
                "processing, where they faced similar debts. In a few families, husband and wife "
                "were repaying recruitment loans to the same broker at the same time, which "
                "increased the broker's leverage over both.",
            ],
        },
        {
            "heading": "3. Debt bondage and financial control",
            "newpage": True,
            "body": [
                "Debt was the thread running through almost every account of forced labour in our "
                "sample. Fishers started their employment owing money for recruitment fees, "
                "transport, documents and advances paid to their families. Interest was rarely "
                "explained and balances were kept by the broker or the boat owner, not by the "
                "worker.",
                "Financial control continued at sea. Wages were paid, if at all, at the end of a "
                "voyage, after deductions for food, cigarettes, fishing gear and medical care. One "
                'respondent, Ko Aung, described the result: "After fourteen months I was told I '
                'still owed the captain money. I had worked every day and I had nothing."',
                "Electronic wage payment through bank accounts was introduced to address these "
                "problems. In practice, 41 per cent of fishers paid electronically said that their "
                "ATM card was kept by the employer or broker. Electronic payment therefore created "
                "a paper trail but did not give workers control over their money.",
                (
                    "bullets",
                    [
                        "Average recruitment debt at the start of employment: 23,500 baht (fictional figure).",
                        "Share of fishers whose employer or broker kept their ATM card: 41 per cent.",
                        "Share of fishers who had never seen a written record of their debt: 67 per cent.",
                    ],
                ),
                "These figures suggest that debt bondage in the fishing sector is less a matter of "
                "single large loans than of many small deductions that accumulate without the "
                "worker's knowledge.",
            ],
            "notes": [
                "Figures are from the sample survey (n = 212) and are fictional, generated for the "
                "Report Search test corpus.",
            ],
        },
        {
            "heading": "4. Conditions at sea",
            "newpage": True,
            "body": [
                "Working hours on long-haul vessels were extreme. Respondents described shifts of "
                "18 to 20 hours during the fishing season, with rest periods interrupted whenever "
                "nets had to be hauled. Food and drinking water were rationed towards the end of "
                "each trip. Injuries from winches and lines were common, and only a third of the "
                "vessels carried a first-aid kit.",
                "Violence was reported by 38 per cent of respondents, most often slapping, kicking "
                "or beating by senior crew. Eleven respondents had witnessed the death of a fellow "
                "crew member, in most cases attributed to illness or accidents, but in three cases "
                "to violence. None of these deaths was reported to the authorities by the captain.",
                "Transhipment at sea, in which catch, fuel and supplies are transferred between "
                "vessels, allowed boats to remain outside port for long periods. Several fishers "
                "were moved between vessels without their consent, sometimes into the waters of "
                "Indonesia, which made it even harder for their families to locate them.",
                "Communication with home was almost impossible. Only a handful of vessels had "
                "satellite internet, and access was controlled by the captain. Families often "
                "learned that a relative was in trouble only when he failed to return at the end "
                "of the expected season.",
            ],
        },
        {
            "heading": "5. Identification and port inspections",
            "newpage": True,
            "body": [
                "Port-in port-out inspection centres were created to check crew lists, documents "
                "and working conditions when vessels leave and return to port. Inspectors we "
                "interviewed were committed but overstretched. At one centre, two officers were "
                "responsible for more than forty vessel departures a day.",
                "Inspections were largely documentary. Crew were rarely interviewed away from the "
                "captain, and interpreters were available in fewer than one in five inspections. "
                "Fishers said that they had been instructed by the captain on how to answer, and "
                "several said they were afraid of losing their jobs or of being deported if they "
                "complained.",
                "Vessels that transferred their catch at sea and returned to port only once a year "
                "were inspected least often, although they present the highest risk. Carrier "
                "vessels were not inspected for labour conditions at all.",
                "Where inspectors did identify possible victims, referral procedures were unclear. "
                "Cases were passed between the labour office, the police and the provincial "
                "social development office, and fishers were often returned to their vessels "
                "while the matter was under review.",
            ],
            "notes": [
                "Inspection data were obtained from a fictional provincial fisheries office and do "
                "not describe any real inspection centre.",
            ],
        },
        {
            "heading": "6. Access to remedy",
            "newpage": True,
            "body": [
                "Of the 96 fishers in our sample who reported indicators of forced labour, only 14 "
                "had filed a complaint with any authority, and only four had received any "
                "compensation. The main obstacles they described were fear of retaliation, lack of "
                "documents, the cost of staying in the country while a case proceeded, and the "
                "absence of legal aid in their language.",
                "Fishers who were identified as victims of trafficking were generally placed in "
                "shelters. Some valued the protection, but many wanted to work while waiting for "
                "their cases to be heard. Shelter rules that prevented them from working or "
                "leaving the premises were a strong disincentive to cooperate with investigations.",
                "The experience of Chea Sokha, a Cambodian fisher, illustrates the problem. After "
                "escaping from a vessel in 2020, he spent seven months in a shelter awaiting the "
                "trial of the captain. He returned home before the verdict, without the wages he "
                "was owed, because his family could no longer manage without his income.",
                "Civil claims for unpaid wages were quicker than criminal cases but still required "
                "fishers to return for hearings. A small programme run by a legal aid office "
                "allowed testimony by video link and achieved settlements in nine cases.",
            ],
        },
        {
            "heading": "7. Recommendations",
            "newpage": True,
            "body": [
                ("sub", "To government agencies"),
                (
                    "bullets",
                    [
                        "Prioritise inspection of long-haul vessels and carrier vessels that engage in "
                        "transhipment at sea.",
                        "Interview crew members in private and with qualified interpreters during every "
                        "port inspection.",
                        "Enforce the prohibition on recruitment fees charged to workers and require "
                        "employers to reimburse unlawful fees.",
                        "Allow identified victims of forced labour to work and to move freely while "
                        "their cases are pending.",
                    ],
                ),
                ("sub", "To vessel owners and seafood buyers"),
                (
                    "bullets",
                    [
                        "Ensure that fishers hold their own identity documents and ATM cards at all "
                        "times.",
                        "Provide crew with satellite communication at least once a week at no cost.",
                        "Map recruitment chains and pay recruitment costs directly to licensed agencies.",
                    ],
                ),
                ("sub", "To civil society and donors"),
                (
                    "bullets",
                    [
                        "Fund legal aid in Burmese and Khmer in every major fishing port.",
                        "Support fishers' associations that allow workers to raise complaints "
                        "collectively.",
                    ],
                ),
                "The national action programme on forced labour offers an opportunity to turn "
                "these recommendations into commitments with clear timelines, budgets and "
                "responsible agencies. Andaman Sea Fisheries Watch (sample) will publish a "
                "follow-up assessment in two years.",
                "Progress will depend on whether the people who catch the fish are treated as "
                "rights-holders rather than as a cost to be minimised. Fishers told us, again and "
                "again, that they did not want to leave the industry; they wanted to be paid, to "
                "rest, and to go home at the end of the season.",
            ],
        },
        {
            "heading": "References",
            "newpage": True,
            "body": [
                (
                    "bullets",
                    [
                        "Andaman Sea Fisheries Watch (sample) (2019). Adrift: Migrant Fishers and the "
                        "Law. Research Report No. 5 (fictional).",
                        "Coastal Provinces Victim Support Alliance (sample) (2019). Identifying and "
                        "Supporting Victims: A Pocket Guidebook for Frontline Responders (fictional).",
                        "International Labour Organization (2012). ILO Indicators of Forced Labour. "
                        "Geneva: ILO.",
                        "International Labour Organization (2014). Protocol of 2014 to the Forced "
                        "Labour Convention, 1930.",
                        "Mekong Labour Rights Network (sample) (2022). Annual Progress Report 2022 "
                        "(fictional).",
                        "Tun, M. and Rahman, S. (2020). 'Debt and Discipline on Long-Haul Trawlers'. "
                        "Journal of Maritime Labour Studies (fictional) 4(2): 33-58.",
                    ],
                ),
                (
                    "small",
                    "All references marked (sample) or (fictional) are invented for the Report "
                    "Search test corpus and do not exist.",
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 2. Policy brief, 2023, American spelling, two-column page.
# ---------------------------------------------------------------------------
SCAMS = {
    "file": "online-scam-compounds-policy-brief-2023.pdf",
    "short": "Inside the Compounds (sample policy brief, 2023)",
    "title": "Inside the Compounds: Forced Criminality in Online Scam Operations",
    "subtitle": "Policy brief on trafficking for forced labor in scam centers",
    "publisher": "Southeast Asia Digital Exploitation Observatory (sample)",
    "year": 2023,
    "date": (2023, 6, 2),
    "type": "policy brief",
    "genre_label": "Policy brief No. 3",
    "lang": "en",
    "countries": ["Cambodia", "Myanmar", "Lao PDR", "Philippines", "Malaysia", "Thailand"],
    "themes": ["online scams", "forced labour", "non-punishment", "victim protection"],
    "imprint": SAMPLE_IMPRINT,
    "summary": [
        "Since 2021, tens of thousands of people have been trafficked into compounds in "
        "Cambodia, Myanmar and Lao PDR, where they are forced to defraud strangers online. "
        "Victims are recruited with fake job offers, held behind walls and guards, and punished "
        "if they fail to meet scam targets. Many are later treated as offenders rather than "
        "victims. This brief sets out what governments in the region, including the "
        "Philippines, Malaysia and Thailand, can do to identify and protect survivors and to "
        "disrupt the business model of the compounds.",
    ],
    "sections": [
        {
            "heading": "1. A new form of trafficking",
            "body": [
                "Online scam compounds combine labor exploitation with organized fraud. Workers "
                "are made to run romance scams, fake investment platforms and cryptocurrency "
                "schemes targeting victims around the world. Compounds are often located in "
                "special economic zones or border areas with limited law enforcement presence.",
                "Recruitment usually starts with an advertisement for a well-paid office job in "
                "customer service, data entry or marketing. Applicants are flown to Bangkok or "
                "another regional hub, then driven across a border. On arrival their passports "
                "are taken and they are told they owe thousands of dollars for travel and food.",
                "Survivors interviewed for this brief described working 14 to 16 hours a day, "
                "seven days a week. Those who missed targets were fined, beaten, given electric "
                "shocks or sold to another compound. Some were released only after their families "
                "paid a ransom.",
            ],
        },
        {
            "heading": "2. Victims treated as offenders",
            "body": [
                "Because victims are forced to commit fraud, they are at high risk of arrest and "
                "prosecution when compounds are raided. Screening is often rushed and carried out "
                "by police officers without training in victim identification. Survivors who do "
                "not look like stereotypical victims, such as educated young men with strong IT "
                "skills, are especially likely to be dismissed as willing participants.",
                "The non-punishment principle requires that victims of trafficking are not "
                "penalized for unlawful acts they were compelled to commit as a direct "
                "consequence of being trafficked. Applying it in scam cases requires careful "
                "assessment of coercion, not a simple test of whether the person was physically "
                "locked in.",
            ],
        },
        {
            "heading": "3. Evidence from survivor interviews",
            "newpage": True,
            "body": [
                (
                    "columns",
                    [
                        "Between October 2022 and March 2023 the Observatory interviewed 64 survivors "
                        "who had escaped or been released from compounds. Respondents came from eleven "
                        "countries, including the Philippines, Malaysia, Indonesia, Viet Nam and "
                        "several countries outside Asia.",
                        "Almost all respondents (59 of 64) had been recruited online, most often "
                        "through social media job groups or messaging apps. Only six had been told "
                        "that the job involved online gambling or investment sales, and none had been "
                        "told it involved fraud.",
                        "Most respondents were held for between three and nine months. Forty-one said "
                        "they had been physically punished, and twenty-two had been moved between "
                        "compounds against their will. Eighteen said that they had seen colleagues "
                        "injured while trying to escape.",
                        "Respondents described a structure that resembled a corporate office, with "
                        "team leaders, daily quotas, scripts and performance rankings. Managers "
                        "tracked the financial results of each team and posted them on a wall. This "
                        "corporate appearance was used to argue that workers were employees, not "
                        "captives.",
                        "Exit from the compounds rarely ended the ordeal. Twenty-nine respondents "
                        "were detained by immigration authorities after release, for periods of up "
                        "to four months, and nine were charged with immigration or fraud offenses. "
                        "Only seventeen received any form of support from a government program for "
                        "trafficking victims.",
                        "Survivors also described heavy psychological harm. Many felt guilt toward the "
                        "people they had been forced to defraud, and some feared being recognized "
                        "online. Counselors who work with survivors stress that this guilt is a "
                        "common consequence of forced criminality and should not be mistaken for "
                        "evidence of willing participation.",
                    ],
                ),
            ],
        },
        {
            "heading": "4. Recommendations",
            "newpage": True,
            "body": [
                (
                    "bullets",
                    [
                        "Adopt screening protocols for people rescued from scam compounds that assess "
                        "indicators of forced labor and trafficking before any charging decision.",
                        "Issue prosecutorial guidance on the non-punishment principle that explicitly "
                        "covers forced criminality in online fraud.",
                        "Create a regional referral program so that survivors can be repatriated "
                        "safely and quickly, with consular assistance and psychosocial support.",
                        "Require online platforms to remove fraudulent job advertisements and to "
                        "share information with law enforcement under clear privacy safeguards.",
                        "Investigate and prosecute compound owners, financiers and public officials "
                        "who protect them, including for money laundering and corruption.",
                    ],
                ),
                "Governments in the region have begun to cooperate, and several have issued public "
                "warnings about fake job offers. Protection, however, lags behind enforcement. "
                "Until survivors are consistently treated as victims of trafficking, few will come "
                "forward to testify against the networks that exploited them.",
            ],
            "notes": [
                "All interview figures are fictional and were written for the Report Search sample "
                "corpus.",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 3. Guidebook, 2019, NO document information dictionary.
# ---------------------------------------------------------------------------
GUIDEBOOK = {
    "file": "frontline-responders-guidebook-2019.pdf",
    "short": "Frontline Responders Guidebook (sample, 2019)",
    "title": "Identifying and Supporting Victims: A Guidebook for Frontline Responders",
    "subtitle": "Practical guidance for police, labour inspectors, health and social workers",
    "publisher": "Coastal Provinces Victim Support Alliance (sample)",
    "year": 2019,
    "date": (2019, 3, 20),
    "type": "guide",
    "genre_label": "Guidebook, first edition",
    "lang": "en",
    "countries": ["Viet Nam", "Thailand", "Malaysia"],
    "themes": ["victim protection", "non-punishment", "justice & prosecution"],
    "info": False,
    "imprint": SAMPLE_IMPRINT,
    "summary": [
        "This guidebook is written for the first people who meet a possible victim of "
        "trafficking: police officers, labour inspectors, border officials, nurses, teachers and "
        "social workers. It explains how to recognise the signs of trafficking, how to talk to a "
        "person safely, how to refer them to specialist services and how to avoid causing further "
        "harm. It was field-tested with responders in Viet Nam, Thailand and Malaysia.",
    ],
    "sections": [
        {
            "heading": "1. Who is a victim of trafficking?",
            "body": [
                "Trafficking in persons involves three elements: an act (such as recruiting, "
                "transporting or harbouring a person), a means (such as threats, force, deception "
                "or abuse of a position of vulnerability) and a purpose of exploitation. For "
                "children, the means element is not required.",
                "Victims may not see themselves as victims. They may have agreed to travel, may owe "
                "money to the people exploiting them, or may fear the police more than their "
                "employers. Your role is not to decide the legal question on the spot, but to "
                "notice the signs and to make a safe referral.",
            ],
        },
        {
            "heading": "2. Recognising the signs",
            "body": [
                (
                    "bullets",
                    [
                        "The person does not hold their own passport or identity card.",
                        "The person owes a debt to an employer or broker that keeps growing.",
                        "The person cannot leave the workplace or accommodation freely.",
                        "The person shows signs of injury, exhaustion or malnutrition.",
                        "Someone else answers questions on the person's behalf.",
                        "The person has been told not to speak to the police or inspectors.",
                    ],
                ),
                "No single sign proves trafficking, and a person may be a victim even if none of "
                "these signs is visible. Trust your professional judgement and consult a focal "
                "point when in doubt.",
            ],
        },
        {
            "heading": "3. Talking to a possible victim",
            "newpage": True,
            "body": [
                "Find a private space, away from employers, brokers or anyone who accompanied the "
                "person. Use a qualified interpreter, never a co-worker or the employer. Explain "
                "who you are, what will happen next and that the person can stop at any time.",
                "Ask open questions and listen. Do not press for details of traumatic events; a "
                "specialist can collect a full statement later. Avoid promising outcomes you cannot "
                "guarantee, such as a visa or compensation.",
                ("sub", "Useful questions"),
                (
                    "bullets",
                    [
                        "Can you tell me about your work and how you came to this job?",
                        "Are you free to leave if you want to? What would happen if you did?",
                        "Who keeps your documents? Who keeps your wages?",
                        "Is there anything you are afraid of right now?",
                    ],
                ),
            ],
        },
        {
            "heading": "4. The non-punishment principle",
            "newpage": True,
            "body": [
                "Victims of trafficking are often made to commit offences: working without a "
                "permit, using false documents, selling drugs or taking part in fraud. The "
                "non-punishment principle means that they should not be arrested, detained, "
                "prosecuted or punished for such acts when these were a direct consequence of "
                "being trafficked.",
                "In practice, this means that a frontline responder who suspects trafficking "
                "should refer the person for identification before any decision on immigration "
                "detention or charges is taken. Record the indicators you observed so that "
                "prosecutors can take them into account.",
                "Applying the principle is not an amnesty. It is a recognition that a person who "
                "was compelled to act had no real choice, and that punishing them would only "
                "strengthen the control of the traffickers.",
            ],
        },
        {
            "heading": "5. Referral and follow-up",
            "newpage": True,
            "body": [
                "Every province should have a referral pathway that names the agencies responsible "
                "for shelter, health care, legal aid and case management. Keep a copy of the "
                "contact list in your office and on your phone.",
                (
                    "table",
                    (("Need", "Who to contact", "Notes"), (40, 60, 70)),
                    [
                        (
                            "Immediate danger",
                            "Police emergency line",
                            "Ask for the anti-trafficking unit",
                        ),
                        ("Medical care", "Provincial hospital", "Free for identified victims"),
                        ("Shelter", "Social welfare office", "Separate shelters for children"),
                        ("Legal advice", "Legal aid clinic (sample)", "Interpreters on request"),
                        ("Return home", "Embassy or consulate", "Coordinate with case manager"),
                    ],
                ),
                "After referral, check that the person has actually been received by the service. "
                "Many victims are lost between agencies because each assumes another is "
                "responsible.",
            ],
        },
        {
            "heading": "6. Looking after yourself",
            "body": [
                "Hearing accounts of exploitation can be distressing. Talk to your supervisor, use "
                "peer support and take breaks. Responders who are supported do better work and "
                "stay in their roles longer.",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 4. Annual progress report, 2022, with an image-only (scanned) page.
# ---------------------------------------------------------------------------
ANNUAL = {
    "file": "annual-progress-report-2022.pdf",
    "short": "Annual Progress Report 2022 (sample)",
    "title": "Annual Progress Report 2022",
    "subtitle": "Protecting migrant workers and survivors of trafficking in the Mekong region",
    "publisher": "Mekong Labour Rights Network (sample)",
    "year": 2022,
    "date": (2022, 12, 30),
    "type": "annual report",
    "genre_label": "Annual report",
    "lang": "en",
    "countries": ["Lao PDR", "Cambodia", "Thailand", "Viet Nam"],
    "themes": ["victim protection", "migration & recruitment", "COVID-19", "data & reporting"],
    "imprint": SAMPLE_IMPRINT,
    "summary": [
        "2022 was the year in which cross-border labour migration resumed after the COVID-19 "
        "pandemic. The Network's eleven member organisations in Lao PDR, Cambodia, Thailand and "
        "Viet Nam provided legal advice to 3,420 migrant workers, supported 186 survivors of "
        "trafficking and recovered unpaid wages worth 9.6 million baht (all figures fictional). "
        "This report summarises our results against the 2022 work plan, lessons learned and "
        "financial information.",
    ],
    "sections": [
        {
            "heading": "1. Results against objectives",
            "body": [
                (
                    "table",
                    (("Objective", "Target", "Result", "Status"), (70, 30, 30, 40)),
                    [
                        ("Legal advice to migrant workers", "3,000", "3,420", "Achieved"),
                        ("Survivors receiving case management", "200", "186", "Partly achieved"),
                        ("Wage claims filed", "400", "455", "Achieved"),
                        ("Training of labour inspectors", "120", "97", "Partly achieved"),
                        ("Hotline calls answered", "10,000", "12,310", "Achieved"),
                    ],
                ),
                "Demand for legal advice rose sharply as migrants returned to Thailand and found "
                "that employers had not paid wages owed from the lockdown period. The Network's "
                "hotline answered more calls in 2022 than in the two previous years combined.",
            ],
        },
        {
            "heading": "2. Highlights",
            "body": [
                "In Cambodia, our partner in Battambang helped 42 returnees recover wages from a "
                "construction company in Bangkok through a negotiated settlement. In Lao PDR, a "
                "new community paralegal programme trained 35 volunteers in six districts. In "
                "Viet Nam, a partner organisation published a guide for families of workers "
                "recruited for online jobs abroad.",
                "The Network also launched a shared case database so that member organisations "
                "can follow a survivor's case across borders without asking them to repeat their "
                "story. Data protection rules were agreed with all members before launch.",
                "A letter from one of our partner shelters, reproduced on the following page as a "
                "scanned copy, describes the experience of survivors returning after the pandemic.",
            ],
        },
        {
            "heading": "Annex A",
            "body": [
                (
                    "scan",
                    "Letter from Riverside Shelter (sample)",
                    [
                        "Dear colleagues of the Mekong Labour Rights Network,",
                        "On behalf of the staff at Riverside Shelter I would like to thank the Network "
                        "for its support during 2022. This year we welcomed forty-one women and girls "
                        "who had returned from work abroad. Many had been stranded during the border "
                        "closures and had not been paid for months.",
                        "The case database has made a real difference. When a survivor arrives we can "
                        "now see what support she received before her return, and we no longer need to "
                        "ask her to tell her story again from the beginning.",
                        "Our greatest need for next year is vocational training that leads to real "
                        "jobs close to home. Several of the women we supported want to open small "
                        "businesses and have asked for help with savings and credit.",
                        "With gratitude and best wishes,",
                        "Director, Riverside Shelter (fictional)",
                    ],
                ),
            ],
        },
        {
            "heading": "3. Challenges and lessons learned",
            "body": [
                "Staff turnover remained high, especially among outreach workers, and two member "
                "organisations lost funding during the year. Online recruitment into scam "
                "operations emerged as a new risk that most members were not prepared for.",
                "The main lesson of 2022 is that wage recovery and anti-trafficking work cannot be "
                "separated. Many survivors first contacted us about unpaid wages, and only later "
                "disclosed that they had been deceived or confined.",
            ],
        },
        {
            "heading": "4. Financial summary",
            "body": [
                (
                    "table",
                    (("Item", "2022 (USD)", "2021 (USD)"), (80, 45, 45)),
                    [
                        ("Grants received", "612,400", "540,100"),
                        ("Legal aid and case management", "298,700", "251,300"),
                        ("Training and outreach", "144,900", "120,600"),
                        ("Network coordination and office costs", "112,500", "109,800"),
                        ("Audit and financial management", "21,300", "19,900"),
                    ],
                ),
                (
                    "small",
                    "Figures are fictional and unaudited; they exist only to give the sample "
                    "document a realistic financial section.",
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 5. Factsheet, 2024, wage theft.
# ---------------------------------------------------------------------------
FACTSHEET = {
    "file": "wage-theft-factsheet-2024.pdf",
    "short": "Wage Theft Factsheet (sample, 2024)",
    "title": "Wage Theft Against Migrant Workers: Key Facts",
    "publisher": "Migrant Wage Justice Project (sample)",
    "year": 2024,
    "date": (2024, 5, 1),
    "type": "factsheet",
    "genre_label": "Factsheet",
    "lang": "en",
    "title_page": False,
    "countries": ["Malaysia", "Philippines", "Indonesia"],
    "themes": ["forced labour", "migration & recruitment", "data & reporting"],
    "sections": [
        {
            "heading": "What is wage theft?",
            "body": [
                "Wage theft is the failure to pay workers the full wages and benefits they are "
                "owed. It includes unpaid overtime, illegal deductions, late payment, payment below "
                "the minimum wage and the non-payment of final wages when a contract ends. When it "
                "is combined with threats, debt or confiscated documents, wage theft can amount to "
                "forced labour.",
            ],
        },
        {
            "heading": "Key facts (fictional survey, 2023)",
            "body": [
                (
                    "bullets",
                    [
                        "6 in 10 migrant workers surveyed in Malaysia reported at least one form of "
                        "wage theft in the previous year.",
                        "Workers from the Philippines and Indonesia in domestic work were most likely "
                        "to report unpaid overtime.",
                        "1 in 4 workers had wages deducted to repay recruitment fees.",
                        "Only 12 per cent of affected workers filed a complaint with a labour office.",
                        "Workers in fishing and palm oil were three times more likely than factory "
                        "workers to be paid late.",
                    ],
                ),
            ],
        },
        {
            "heading": "Why workers do not complain",
            "body": [
                "Many migrant workers fear that complaining will lead to dismissal, loss of their "
                "visa or deportation. Others do not know where the labour office is, cannot afford "
                "to take time off work, or do not have records of hours worked. Financial "
                "dependence on the employer, who often also provides housing, makes workers even "
                "more reluctant to speak up.",
            ],
        },
        {
            "heading": "What can be done",
            "newpage": True,
            "body": [
                (
                    "bullets",
                    [
                        "Pay wages electronically into accounts that workers control themselves.",
                        "Give every worker a payslip in a language they understand.",
                        "Let workers change employers without losing their legal status.",
                        "Create fast-track wage claims that can continue after a worker returns home.",
                        "Make buyers and brands share responsibility for wages in their supply chains.",
                    ],
                ),
                "Contact: info@wagejustice.example (fictional address). This factsheet is a "
                "sample document; all figures are invented.",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 6. Court-decision analysis, 2020, child rights in the justice system.
# ---------------------------------------------------------------------------
COURT = {
    "file": "child-justice-court-analysis-2020.pdf",
    "short": "Court analysis: State v. A.B. (sample, 2020)",
    "title": "Children Trafficked into Crime: An Analysis of State v. A.B.",
    "subtitle": "Case commentary on child rights in the justice system (fictional appellate decision)",
    "publisher": "Child Justice Clinic (sample)",
    "year": 2020,
    "date": (2020, 11, 20),
    "type": "court analysis",
    "genre_label": "Court-decision analysis",
    "lang": "en",
    "countries": ["Philippines", "Timor-Leste"],
    "themes": ["child trafficking", "justice & prosecution", "non-punishment"],
    "imprint": SAMPLE_IMPRINT,
    "summary": [
        "In State v. A.B. (fictional), an appellate court overturned the conviction of a "
        "sixteen-year-old girl who had been used by adults to transport drugs across a border. "
        "The court held that the trial judge had failed to consider evidence that the child was "
        "a victim of trafficking and that the non-punishment principle applies with particular "
        "force to children. This analysis summarises the decision, assesses its reasoning and "
        "considers its implications for practice in the Philippines and Timor-Leste.",
    ],
    "sections": [
        {
            "heading": "1. Facts of the case",
            "body": [
                "A.B. left school at fourteen after the death of her mother. A relative offered her "
                "work in a shop in the capital. Instead, she was housed with a group of adults who "
                "took her phone, controlled her movements and, after several months, made her "
                "carry packages across a land border. She was arrested at a checkpoint with a "
                "package containing methamphetamine.",
                "At trial, A.B. was represented by a duty lawyer whom she met on the morning of "
                "the hearing. No social worker was present and no assessment of her age or "
                "circumstances was ordered. She was convicted of drug trafficking and sentenced "
                "to four years in a juvenile detention centre.",
            ],
        },
        {
            "heading": "2. The appellate decision",
            "newpage": True,
            "body": [
                "The appellate court allowed the appeal on three grounds. First, the trial court "
                "had failed to apply the procedural protections owed to a child in conflict with "
                "the law, including the right to be accompanied by a guardian or social worker. "
                "Second, the evidence of recruitment by deception, confiscation of the phone and "
                "restriction of movement should have prompted an inquiry into whether A.B. was a "
                "victim of trafficking. Third, once that inquiry was made, the conduct for which "
                "she was convicted was a direct consequence of her exploitation.",
                "The court emphasised that, because A.B. was a child, the prosecution did not need "
                "to show that force or deception had been used for her recruitment to constitute "
                "trafficking. Her apparent consent to carry the packages was therefore irrelevant.",
                '"A child who is used by adults to commit crimes," the court wrote, "must first be '
                "seen as a child in need of protection. The criminal law cannot become a second "
                'instrument of her exploitation."',
            ],
            "notes": [
                "State v. A.B., Court of Appeal (fictional), Criminal Appeal No. 12 of 2020.",
                "Convention on the Rights of the Child, arts. 3, 37 and 40.",
            ],
        },
        {
            "heading": "3. Commentary",
            "newpage": True,
            "body": [
                "The decision is welcome for its clear statement that child victims should be "
                "identified before they are prosecuted. It also recognises that the burden of "
                "raising trafficking should not rest entirely on a frightened child without "
                "effective legal representation.",
                "The decision is less clear on the standard of proof. The court referred both to "
                "'credible indications' and to 'reasonable grounds' of trafficking, without "
                "explaining whether these are the same. Trial courts will need guidance on when the "
                "duty to inquire arises and who bears the burden once it does.",
                "The court did not address diversion. Even where a child's conduct is not excused, "
                "international standards favour diversion away from formal proceedings and "
                "detention as a measure of last resort. Future cases should consider both the "
                "non-punishment principle and the broader principles of child justice.",
                ("sub", "Implications for practice"),
                (
                    "bullets",
                    [
                        "Police and prosecutors should screen every child arrested for drug or "
                        "immigration offences for indicators of trafficking.",
                        "Children should never appear in court without a lawyer who has had time to "
                        "prepare and a social worker or guardian.",
                        "Courts in the Philippines and Timor-Leste could adopt practice directions "
                        "modelled on the reasoning in this decision.",
                    ],
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 7. Employer toolkit, 2025.
# ---------------------------------------------------------------------------
TOOLKIT = {
    "file": "employer-toolkit-ethical-recruitment-2025.pdf",
    "short": "Responsible Recruitment Toolkit (sample, 2025)",
    "title": "Responsible Recruitment Toolkit for Employers",
    "subtitle": "Preventing forced labour and debt bondage in your workforce and supply chain",
    "publisher": "Fair Hiring Initiative Asia (sample)",
    "year": 2025,
    "date": (2025, 1, 27),
    "type": "toolkit",
    "genre_label": "Toolkit for employers",
    "lang": "en",
    "countries": ["Malaysia", "Vietnam", "Indonesia", "Philippines"],
    "themes": ["forced labour", "migration & recruitment"],
    "imprint": SAMPLE_IMPRINT,
    "summary": [
        "Employers who hire migrant workers from Vietnam, Indonesia and the Philippines into "
        "factories in Malaysia increasingly face questions from buyers, auditors and regulators "
        "about recruitment fees and forced labour. This toolkit provides step-by-step tools: a "
        "recruitment policy template, a due-diligence checklist for labour agencies, a fee "
        "reimbursement calculator and guidance on grievance mechanisms.",
    ],
    "sections": [
        {
            "heading": "Tool 1: The Employer Pays Principle",
            "body": [
                "Under the Employer Pays Principle, no worker should pay for a job. The costs of "
                "recruitment, including agency fees, visas, medical checks, training and travel, "
                "should be borne by the employer. Where workers have already paid, employers "
                "should reimburse them in full and promptly.",
                "Adopt a written recruitment policy, signed by senior management, that commits "
                "the company to this principle and applies to all labour agencies and "
                "sub-agents in the supply chain.",
            ],
        },
        {
            "heading": "Tool 2: Due-diligence checklist for labour agencies",
            "newpage": True,
            "body": [
                (
                    "bullets",
                    [
                        "Is the agency licensed in both the country of origin and the country of "
                        "destination?",
                        "Does the agency disclose all sub-agents and village brokers it uses?",
                        "Has the agency signed a contract that prohibits charging fees to workers?",
                        "Does the agency give workers a copy of their contract in their own language "
                        "before departure?",
                        "Does the agency allow unannounced interviews with recently recruited workers?",
                        "Has the agency been the subject of complaints or investigations?",
                    ],
                ),
                "Score each agency and review the results with your procurement and human "
                "resources office at least once a year. Agencies that cannot demonstrate "
                "compliance should be given a time-bound improvement plan or dropped.",
            ],
        },
        {
            "heading": "Tool 3: Fee reimbursement calculator",
            "newpage": True,
            "body": [
                "Interview a representative sample of workers to estimate fees paid, then "
                "reimburse every worker recruited through the same channel. Do not require workers "
                "to produce receipts, as brokers rarely provide them.",
                (
                    "table",
                    (("Cost item", "Average paid by worker (USD)", "Reimburse?"), (60, 60, 50)),
                    [
                        ("Agency service fee", "1,150", "Yes"),
                        ("Medical check", "85", "Yes"),
                        ("Pre-departure training", "120", "Yes"),
                        ("Air ticket", "310", "Yes"),
                        ("Interest on loans for the above", "240", "Yes"),
                    ],
                ),
                ("small", "Illustrative, fictional figures."),
            ],
        },
        {
            "heading": "Tool 4: Grievance mechanisms that work",
            "newpage": True,
            "body": [
                "A grievance mechanism is only useful if workers trust it. Offer several channels, "
                "such as a hotline run by an independent organisation, a suggestion box and "
                "worker representatives, and make sure complaints can be made anonymously and in "
                "the workers' own languages.",
                "Track every complaint from receipt to resolution and report the results to "
                "workers. Never retaliate against a worker who raises a concern, and make clear to "
                "supervisors that retaliation is a disciplinary offence.",
                "Review grievance data alongside audit findings. A sudden drop in complaints is "
                "not necessarily good news; it may mean that workers have lost confidence in the "
                "system.",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 8. Work plan, 2018, NO document information dictionary, tables.
# ---------------------------------------------------------------------------
WORKPLAN = {
    "file": "regional-work-plan-2018.pdf",
    "short": "Regional Work Plan 2018-2019 (sample)",
    "title": "Regional Work Plan 2018\u20132019: Safe Migration and Anti-Trafficking Coordination",
    "publisher": "Greater Mekong Coordination Secretariat (sample)",
    "year": 2018,
    "date": (2018, 1, 15),
    "type": "work plan",
    "genre_label": "Work plan",
    "lang": "en",
    "countries": ["Lao PDR", "Cambodia", "Thailand", "Myanmar"],
    "themes": ["migration & recruitment", "justice & prosecution", "data & reporting"],
    "info": False,
    "imprint": SAMPLE_IMPRINT,
    "summary": [
        "This work plan sets out the activities that the Secretariat and its national focal "
        "points in Lao PDR, Cambodia, Thailand and Myanmar will carry out in 2018 and 2019. It "
        "is organised around three outcomes: safer labour migration, stronger cross-border "
        "cooperation in criminal cases, and better data on trafficking.",
    ],
    "sections": [
        {
            "heading": "Outcome 1: Safer labour migration",
            "body": [
                (
                    "table",
                    (("Activity", "Lead", "Timeline", "Budget (USD)"), (75, 35, 30, 30)),
                    [
                        (
                            "1.1 Pre-departure orientation in 12 districts",
                            "Lao PDR focal point",
                            "Q2 2018",
                            "48,000",
                        ),
                        (
                            "1.2 Review of recruitment agency licensing",
                            "Cambodia focal point",
                            "Q3 2018",
                            "22,000",
                        ),
                        (
                            "1.3 Migrant resource centres at two border crossings",
                            "Thailand focal point",
                            "2018-2019",
                            "95,000",
                        ),
                        (
                            "1.4 Hotline for migrants in four languages",
                            "Secretariat",
                            "Q1 2019",
                            "36,000",
                        ),
                    ],
                ),
            ],
        },
        {
            "heading": "Outcome 2: Cross-border cooperation in criminal cases",
            "body": [
                (
                    "table",
                    (("Activity", "Lead", "Timeline", "Budget (USD)"), (75, 35, 30, 30)),
                    [
                        (
                            "2.1 Joint training of police and prosecutors",
                            "Secretariat",
                            "Q2 2018",
                            "60,000",
                        ),
                        (
                            "2.2 Guidelines on mutual legal assistance",
                            "Myanmar focal point",
                            "Q4 2018",
                            "18,000",
                        ),
                        (
                            "2.3 Victim-witness protection protocol",
                            "Thailand focal point",
                            "Q2 2019",
                            "25,000",
                        ),
                    ],
                ),
            ],
        },
        {
            "heading": "Outcome 3: Better data on trafficking",
            "newpage": True,
            "body": [
                (
                    "table",
                    (("Activity", "Lead", "Timeline", "Budget (USD)"), (75, 35, 30, 30)),
                    [
                        (
                            "3.1 Common case definitions and indicators",
                            "Secretariat",
                            "Q1 2018",
                            "12,000",
                        ),
                        (
                            "3.2 Shared annual statistics template",
                            "Cambodia focal point",
                            "Q4 2018",
                            "9,000",
                        ),
                        ("3.3 Regional data report", "Secretariat", "Q3 2019", "30,000"),
                    ],
                ),
                ("sub", "Monitoring and reporting"),
                "Focal points will report progress every six months using the shared template. "
                "The Secretariat will present a consolidated progress report to the senior "
                "officials' meeting in December of each year and will revise the work plan in the "
                "light of the mid-term review scheduled for January 2019.",
                ("sub", "Risks"),
                (
                    "bullets",
                    [
                        "Changes of focal points in national ministries may delay activities.",
                        "Funding for outcome 3 has not yet been secured.",
                        "Political sensitivities may limit the sharing of case data between countries.",
                    ],
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 9. Training manual, 2016, disability and trafficking.
# ---------------------------------------------------------------------------
TRAINING = {
    "file": "disability-trafficking-training-manual-2016.pdf",
    "short": "Seeing Every Survivor (sample training manual, 2016)",
    "title": "Seeing Every Survivor: Training Manual on Disability-Inclusive Anti-Trafficking Responses",
    "publisher": "Inclusive Protection Trust (sample)",
    "year": 2016,
    "date": (2016, 8, 8),
    "type": "training manual",
    "genre_label": "Training manual for facilitators",
    "lang": "en",
    "countries": ["Philippines", "Indonesia", "Timor-Leste"],
    "themes": ["gender & disability", "victim protection", "sexual exploitation"],
    "imprint": SAMPLE_IMPRINT,
    "summary": [
        "People with disabilities are at heightened risk of trafficking, yet they are rarely "
        "identified and often excluded from services. This two-day training manual helps "
        "facilitators prepare police, shelter staff and social workers to recognise trafficking "
        "of persons with disabilities and to adapt their services. It was piloted with "
        "practitioners in the Philippines, Indonesia and Timor-Leste.",
    ],
    "sections": [
        {
            "heading": "How to use this manual",
            "body": [
                "The manual contains four modules. Each module lists learning objectives, the time "
                "required, materials and step-by-step instructions for the facilitator. Handouts "
                "can be photocopied. Facilitators should adapt case studies to the local context "
                "and invite a trainer with lived experience of disability to co-facilitate.",
                "Ensure that the training venue is accessible, provide materials in large print "
                "and easy-read formats, and arrange sign language interpretation if participants "
                "need it.",
            ],
        },
        {
            "heading": "Module 1: Understanding disability",
            "newpage": True,
            "body": [
                ("sub", "Objectives"),
                (
                    "bullets",
                    [
                        "Explain the difference between the medical and social models of disability.",
                        "Identify barriers that people with disabilities face in accessing justice.",
                    ],
                ),
                ("sub", "Activity 1.1 (45 minutes): Barrier walk"),
                "Ask participants to walk through the building in pairs, one of them using a "
                "wheelchair or a blindfold, and to note every barrier they find. In plenary, "
                "discuss how similar barriers might prevent a victim from reporting to a police "
                "station or staying in a shelter.",
            ],
        },
        {
            "heading": "Module 2: Disability and trafficking",
            "newpage": True,
            "body": [
                ("sub", "Key messages"),
                "Traffickers target people with disabilities because they may be isolated, "
                "dependent on others for care, or less likely to be believed. Forms of "
                "exploitation include forced begging, forced labour in agriculture and fishing, "
                "sexual exploitation and forced marriage. Some people acquire disabilities as a "
                "result of trafficking, through injury, malnutrition or trauma.",
                "Women and girls with disabilities face combined risks based on gender and "
                "disability. Programme staff should consider both when assessing a survivor's "
                "needs.",
                ("sub", "Activity 2.1 (60 minutes): Case study"),
                "Distribute the case of Maria (fictional), a deaf young woman from a rural "
                "province who was recruited for domestic work and later sexually exploited. "
                "Groups discuss which signs of trafficking were missed, by whom, and why.",
            ],
        },
        {
            "heading": "Module 3: Communication and reasonable accommodation",
            "newpage": True,
            "body": [
                "Reasonable accommodation means making necessary adjustments so that a person with "
                "a disability can exercise their rights on an equal basis with others. In an "
                "interview, this might mean a sign language interpreter, extra time, frequent "
                "breaks, simple language or visual aids.",
                (
                    "bullets",
                    [
                        "Speak directly to the person, not to their companion or interpreter.",
                        "Ask the person how they prefer to communicate.",
                        "Do not assume that a person cannot give evidence because of their disability.",
                        "Check understanding by asking the person to explain in their own words.",
                    ],
                ),
            ],
        },
        {
            "heading": "Module 4: Inclusive services and action planning",
            "newpage": True,
            "body": [
                "In the final module, participants review their own organisation's services using "
                "an accessibility checklist and draft an action plan with three concrete changes "
                "they will make within six months. Facilitators should collect the plans and "
                "follow up with participants.",
                "Close the training by inviting participants to share one thing they will do "
                "differently when they next meet a survivor with a disability.",
            ],
        },
    ],
}

DOCS = [FISHING, SCAMS, GUIDEBOOK, ANNUAL, FACTSHEET, COURT, TOOLKIT, WORKPLAN, TRAINING]
