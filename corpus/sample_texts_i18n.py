"""Thai, Khmer, Indonesian, Vietnamese and mixed English/Thai sample texts.

All content is fictional and written for the Report Search sample corpus.
Thai and Khmer do not separate words with spaces; the texts put a space
between phrases so that lines can wrap without splitting words.
See sample_texts.py for the block syntax.
"""

# ---------------------------------------------------------------------------
# Thai guide, 2020
# ---------------------------------------------------------------------------
TH_GUIDE = {
    "file": "th-fishing-forced-labour-guide-2020.pdf",
    "short": "คู่มือป้องกันแรงงานบังคับบนเรือประมง (sample, 2020)",
    "title": "คู่มือการป้องกันแรงงานบังคับบนเรือประมง",
    "subtitle": "สำหรับเจ้าหน้าที่ตรวจแรงงาน ตำรวจ และอาสาสมัครในจังหวัดชายฝั่ง",
    "notice_local": "เอกสารตัวอย่างสำหรับระบบ Report Search เนื้อหาทั้งหมดเป็นเรื่องสมมติ",
    "publisher": "เครือข่ายสิทธิแรงงานประมงอันดามัน (ตัวอย่าง)",
    "year": 2020,
    "date": (2020, 7, 1),
    "type": "guide",
    "genre_label": "Guide / คู่มือ (พ.ศ. 2563)",
    "lang": "th",
    "countries": ["Thailand", "Myanmar", "Cambodia"],
    "themes": ["forced labour", "fishing", "victim protection"],
    "summary": [
        "คู่มือฉบับนี้จัดทำขึ้นเพื่อช่วยให้เจ้าหน้าที่ตรวจแรงงาน ตำรวจ และอาสาสมัครในจังหวัดชายฝั่ง "
        "สามารถคัดแยกผู้เสียหายจากการค้ามนุษย์ในอุตสาหกรรมประมงได้อย่างถูกต้อง "
        "แรงงานข้ามชาติจากเมียนมาและกัมพูชาจำนวนมากทำงานบนเรือประมงในประเทศไทย "
        "และบางส่วนตกอยู่ในสภาพแรงงานบังคับ คู่มือนี้อธิบายสัญญาณบ่งชี้ ขั้นตอนการสัมภาษณ์ "
        "และการส่งต่อผู้เสียหายไปยังหน่วยงานที่เกี่ยวข้อง",
    ],
    "sections": [
        {
            "heading": "1. ความหมายของการค้ามนุษย์และแรงงานบังคับ",
            "body": [
                "การค้ามนุษย์ หมายถึง การจัดหา การขนส่ง หรือการรับตัวบุคคล โดยใช้การข่มขู่ "
                "การหลอกลวง หรือการใช้อำนาจโดยมิชอบ เพื่อแสวงหาประโยชน์จากบุคคลนั้น "
                "ส่วนแรงงานบังคับ คือ งานที่บุคคลถูกบังคับให้ทำโดยไม่สมัครใจ "
                "และอยู่ภายใต้การข่มขู่ว่าจะได้รับโทษหรือความเสียหาย",
                "บนเรือประมง แรงงานบังคับมักเกิดจากหนี้สินที่นายหน้าหรือไต๋เรือสร้างขึ้น "
                "การยึดหนังสือเดินทางหรือบัตรประจำตัว และการทำงานเป็นเวลานานโดยไม่มีวันหยุด "
                "ลูกเรือบางคนต้องอยู่กลางทะเลนานกว่าหนึ่งปีโดยไม่ได้ขึ้นฝั่ง",
            ],
        },
        {
            "heading": "2. สัญญาณบ่งชี้ที่ควรสังเกต",
            "body": [
                (
                    "bullets",
                    [
                        "ลูกเรือไม่ได้ถือเอกสารประจำตัวของตนเอง",
                        "ลูกเรือมีหนี้สินกับนายหน้าหรือนายจ้าง ที่ไม่สามารถชำระให้หมดได้",
                        "ลูกเรือไม่ได้รับค่าจ้างตามกำหนด หรือบัตรเอทีเอ็มถูกนายจ้างเก็บไว้",
                        "ลูกเรือมีบาดแผล หรือแสดงอาการหวาดกลัวเมื่อพูดถึงไต๋เรือ",
                        "ลูกเรือไม่สามารถติดต่อครอบครัวได้เป็นเวลานาน",
                    ],
                ),
                "สัญญาณเพียงข้อเดียวอาจไม่เพียงพอที่จะสรุปว่าเป็นการค้ามนุษย์ "
                "แต่หากพบหลายข้อพร้อมกัน เจ้าหน้าที่ควรดำเนินการคัดแยกผู้เสียหายทันที",
            ],
        },
        {
            "heading": "3. การสัมภาษณ์ลูกเรือ",
            "newpage": True,
            "body": [
                "ควรสัมภาษณ์ลูกเรือเป็นการส่วนตัว แยกจากไต๋เรือและนายหน้า "
                "และใช้ล่ามที่ได้รับการอบรม ไม่ควรใช้เพื่อนร่วมงานหรือนายจ้างเป็นล่าม "
                "เจ้าหน้าที่ควรอธิบายให้ลูกเรือเข้าใจว่า การให้ข้อมูลจะไม่ทำให้เขาถูกลงโทษ",
                "หลักการไม่ลงโทษผู้เสียหาย หมายความว่า ผู้เสียหายจากการค้ามนุษย์ไม่ควรถูกจับกุม "
                "หรือถูกดำเนินคดี ในความผิดที่เกิดขึ้นเป็นผลโดยตรงจากการถูกค้ามนุษย์ "
                "เช่น การเข้าเมืองโดยผิดกฎหมาย หรือการทำงานโดยไม่มีใบอนุญาต",
            ],
        },
        {
            "heading": "4. การส่งต่อและการคุ้มครองผู้เสียหาย",
            "body": [
                "เมื่อพบผู้ที่อาจเป็นผู้เสียหาย ให้แจ้งศูนย์ปฏิบัติการป้องกันการค้ามนุษย์ประจำจังหวัด "
                "และประสานสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด "
                "ผู้เสียหายมีสิทธิได้รับการคุ้มครอง ที่พักอาศัย การรักษาพยาบาล "
                "ความช่วยเหลือทางกฎหมาย และค่าสินไหมทดแทน",
                "ผู้เสียหายควรได้รับอนุญาตให้ทำงานระหว่างรอการพิจารณาคดี "
                "เพื่อให้สามารถส่งเงินกลับไปช่วยเหลือครอบครัวได้ "
                "และควรได้รับข้อมูลเกี่ยวกับคดีในภาษาที่ตนเข้าใจ",
            ],
            "notes": [
                "ข้อมูลในคู่มือนี้เป็นเนื้อหาสมมติ จัดทำขึ้นเป็นเอกสารตัวอย่างสำหรับระบบ Report Search",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Indonesian factsheet, 2022
# ---------------------------------------------------------------------------
ID_FACTSHEET = {
    "file": "id-pekerja-migran-factsheet-2022.pdf",
    "short": "Lembar Fakta Pekerja Migran (sample, 2022)",
    "title": "Lembar Fakta: Melindungi Pekerja Migran dari Perdagangan Orang",
    "notice_local": "Dokumen contoh untuk Report Search \u2014 seluruh isinya fiktif.",
    "publisher": "Jaringan Advokasi Buruh Migran (contoh)",
    "year": 2022,
    "date": (2022, 12, 18),
    "type": "factsheet",
    "genre_label": "Lembar fakta",
    "lang": "id",
    "title_page": False,
    "countries": ["Indonesia", "Malaysia"],
    "themes": ["migration & recruitment", "forced labour", "victim protection", "COVID-19"],
    "sections": [
        {
            "heading": "Apa itu perdagangan orang?",
            "body": [
                "Perdagangan orang adalah tindakan merekrut, mengangkut, menampung, atau menerima "
                "seseorang dengan ancaman, kekerasan, penipuan, atau penyalahgunaan kekuasaan untuk "
                "tujuan eksploitasi. Banyak pekerja migran Indonesia yang bekerja di Malaysia, "
                "Singapura, dan Timur Tengah menjadi korban kerja paksa, terutama di sektor rumah "
                "tangga, perkebunan kelapa sawit, dan perikanan.",
            ],
        },
        {
            "heading": "Fakta utama (data fiktif, 2021)",
            "body": [
                (
                    "bullets",
                    [
                        "Tiga dari sepuluh pekerja migran yang kami wawancarai tidak memegang paspor "
                        "mereka sendiri.",
                        "Hampir separuh responden membayar biaya penempatan yang melebihi batas resmi.",
                        "Satu dari lima anak buah kapal perikanan melaporkan gaji yang tidak dibayar "
                        "selama lebih dari enam bulan.",
                        "Pandemi COVID-19 membuat ribuan pekerja migran kehilangan pekerjaan dan "
                        "terlantar di negara tujuan.",
                    ],
                ),
            ],
        },
        {
            "heading": "Tanda-tanda kerja paksa",
            "body": [
                (
                    "bullets",
                    [
                        "Dokumen identitas ditahan oleh majikan atau agen.",
                        "Utang kepada agen terus bertambah dan tidak pernah lunas.",
                        "Pekerja tidak boleh keluar dari tempat kerja atau menghubungi keluarga.",
                        "Gaji dipotong tanpa penjelasan atau tidak dibayar sama sekali.",
                        "Pekerja diancam akan dilaporkan ke polisi atau dideportasi.",
                    ],
                ),
            ],
        },
        {
            "heading": "Hak-hak korban",
            "newpage": True,
            "body": [
                "Korban perdagangan orang berhak atas perlindungan, rehabilitasi kesehatan dan "
                "sosial, pemulangan, serta restitusi dari pelaku. Korban tidak boleh dihukum atas "
                "pelanggaran yang dilakukan karena dipaksa oleh pelaku perdagangan orang, misalnya "
                "pelanggaran keimigrasian atau bekerja tanpa izin.",
                "Pemerintah daerah, perwakilan Republik Indonesia di luar negeri, dan organisasi "
                "masyarakat sipil perlu bekerja sama agar korban mendapatkan pendampingan hukum "
                "dan dukungan psikologis sejak pertama kali teridentifikasi.",
            ],
        },
        {
            "heading": "Ke mana melapor?",
            "body": [
                "Pekerja migran dan keluarganya dapat menghubungi perwakilan Republik Indonesia di "
                "negara tujuan, dinas tenaga kerja setempat, atau organisasi pendamping pekerja "
                "migran. Nomor telepon dan alamat dalam lembar fakta ini bersifat fiktif dan hanya "
                "digunakan sebagai contoh.",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Vietnamese policy brief, 2024
# ---------------------------------------------------------------------------
VI_BRIEF = {
    "file": "vi-mua-ban-nguoi-policy-brief-2024.pdf",
    "short": "Tóm tắt chính sách về mua bán người (sample, 2024)",
    "title": "Bảo vệ nạn nhân bị mua bán người vào các cơ sở lừa đảo trực tuyến",
    "subtitle": "Bản tóm tắt chính sách",
    "notice_local": "Tài liệu mẫu cho Report Search \u2014 toàn bộ nội dung là hư cấu.",
    "publisher": "Trung tâm Nghiên cứu Di cư và Phát triển (mẫu)",
    "year": 2024,
    "date": (2024, 10, 10),
    "type": "policy brief",
    "genre_label": "Tóm tắt chính sách",
    "lang": "vi",
    "countries": ["Viet Nam", "Cambodia", "Myanmar", "Lao PDR"],
    "themes": ["online scams", "non-punishment", "victim protection"],
    "summary": [
        "Trong những năm gần đây, hàng nghìn công dân Việt Nam đã bị lừa sang Campuchia, "
        "Myanmar và Lào với lời hứa về việc làm lương cao. Khi đến nơi, họ bị giữ giấy tờ, bị "
        "giam giữ và bị ép buộc thực hiện các hành vi lừa đảo trực tuyến. Bản tóm tắt chính sách "
        "này phân tích những khó khăn trong việc xác định và hỗ trợ nạn nhân, đồng thời đưa ra "
        "các khuyến nghị cho cơ quan chức năng.",
    ],
    "sections": [
        {
            "heading": "1. Thực trạng",
            "body": [
                "Phần lớn nạn nhân là thanh niên từ 18 đến 30 tuổi, được tuyển dụng qua mạng xã "
                "hội. Các quảng cáo việc làm hứa hẹn mức lương từ 1.000 đến 2.000 đô la Mỹ mỗi "
                "tháng và không yêu cầu kinh nghiệm. Sau khi vượt biên, nạn nhân bị bán cho các "
                "công ty lừa đảo và phải làm việc từ 12 đến 16 giờ mỗi ngày.",
                "Những người không đạt chỉ tiêu bị phạt tiền, bị đánh đập hoặc bị bán sang công ty "
                "khác. Nhiều gia đình phải trả tiền chuộc để người thân được thả. Đây là hình thức "
                "mua bán người nhằm mục đích lao động cưỡng bức và cưỡng bức phạm tội.",
            ],
        },
        {
            "heading": "2. Khó khăn trong việc xác định nạn nhân",
            "newpage": True,
            "body": [
                "Khi trở về Việt Nam, nhiều người không được công nhận là nạn nhân vì họ đã tự "
                "nguyện ra nước ngoài hoặc đã tham gia vào hoạt động lừa đảo. Một số người còn bị "
                "xử phạt vì xuất cảnh trái phép. Điều này đi ngược lại nguyên tắc không trừng phạt "
                "nạn nhân của tội phạm mua bán người.",
                "Pháp luật hiện hành đã quy định quyền của nạn nhân được hỗ trợ về y tế, tâm lý, "
                "pháp lý và học nghề. Tuy nhiên, thủ tục xác minh còn kéo dài và thiếu sự phối hợp "
                "giữa các cơ quan ở trung ương và địa phương.",
            ],
        },
        {
            "heading": "3. Khuyến nghị",
            "body": [
                (
                    "bullets",
                    [
                        "Xây dựng quy trình sàng lọc thống nhất cho người trở về từ các cơ sở lừa đảo "
                        "trực tuyến.",
                        "Không xử phạt nạn nhân vì những hành vi vi phạm mà họ bị ép buộc thực hiện.",
                        "Tăng cường hợp tác với Campuchia, Myanmar và Lào trong việc giải cứu và hồi "
                        "hương nạn nhân.",
                        "Nâng cao nhận thức của thanh niên về các thủ đoạn tuyển dụng lừa đảo trên "
                        "mạng xã hội.",
                        "Hỗ trợ tâm lý và việc làm cho nạn nhân sau khi trở về để phòng ngừa nguy cơ "
                        "bị mua bán lại.",
                    ],
                ),
            ],
            "notes": [
                "Tất cả số liệu và tổ chức trong tài liệu này đều là hư cấu.",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Khmer policy brief, 2017
# ---------------------------------------------------------------------------
KM_BRIEF = {
    "file": "km-victim-protection-brief-2017.pdf",
    "short": "ការការពារជនរងគ្រោះ (sample, 2017)",
    "title": "ការការពារជនរងគ្រោះនៃការជួញដូរមនុស្ស",
    "subtitle": "សេចក្តីសង្ខេបគោលនយោបាយ ស្តីពីពលកម្មដោយបង្ខំ និងគោលការណ៍មិនដាក់ទោសជនរងគ្រោះ",
    "notice_local": "ឯកសារគំរូសម្រាប់ Report Search ខ្លឹមសារទាំងអស់ជាការប្រឌិត។",
    "publisher": "បណ្តាញគាំពារជនរងគ្រោះ (គំរូ)",
    "year": 2017,
    "date": (2017, 4, 5),
    "type": "policy brief",
    "genre_label": "Policy brief / សេចក្តីសង្ខេបគោលនយោបាយ",
    "lang": "km",
    "title_page": False,
    "countries": ["Cambodia", "Thailand"],
    "themes": ["victim protection", "non-punishment", "forced labour", "fishing"],
    "summary": [
        "ការជួញដូរមនុស្ស គឺជាឧក្រិដ្ឋកម្មធ្ងន់ធ្ងរ ដែលរំលោភលើសិទ្ធិមនុស្ស។ "
        "ពលករចំណាកស្រុកកម្ពុជាជាច្រើននាក់ ត្រូវបានបោកបញ្ឆោតឱ្យធ្វើការលើទូកនេសាទ "
        "នៅក្នុងប្រទេសថៃ និងប្រទេសផ្សេងទៀត។ ឯកសារនេះ ពន្យល់អំពីសិទ្ធិរបស់ជនរងគ្រោះ "
        "និងផ្តល់អនុសាសន៍ដល់អាជ្ញាធរពាក់ព័ន្ធ។",
    ],
    "sections": [
        {
            "heading": "១. ពលកម្មដោយបង្ខំលើទូកនេសាទ",
            "body": [
                "ជនរងគ្រោះជាច្រើននាក់ បានរាយការណ៍ថា ពួកគេត្រូវធ្វើការច្រើនជាងដប់ប្រាំម៉ោងក្នុងមួយថ្ងៃ។ "
                "មេក្រុមនាវិកបានរឹបអូសលិខិតឆ្លងដែន ហើយមិនបើកប្រាក់ខែឱ្យពួកគេ។ "
                "អ្នកខ្លះត្រូវបានវាយដំ នៅពេលដែលពួកគេឈឺ ឬមិនអាចធ្វើការបាន។",
            ],
        },
        {
            "heading": "២. គោលការណ៍មិនដាក់ទោស",
            "body": [
                "ជនរងគ្រោះនៃការជួញដូរមនុស្ស មិនត្រូវទទួលទោស ចំពោះបទល្មើសដែលពួកគេត្រូវបានបង្ខំឱ្យប្រព្រឹត្ត "
                "ដូចជាការឆ្លងដែនខុសច្បាប់ ឬការធ្វើការដោយគ្មានលិខិតអនុញ្ញាត។ "
                "អាជ្ញាធរត្រូវកំណត់អត្តសញ្ញាណជនរងគ្រោះ មុនពេលសម្រេចចាប់ខ្លួន "
                "ឬបញ្ជូនពួកគេត្រឡប់ទៅប្រទេសវិញ។",
            ],
        },
        {
            "heading": "៣. អនុសាសន៍",
            "newpage": True,
            "body": [
                (
                    "bullets",
                    [
                        "ផ្តល់ជំនួយផ្លូវច្បាប់ និងអ្នកបកប្រែ ដល់ជនរងគ្រោះគ្រប់រូប។",
                        "ធានាថា ជនរងគ្រោះទទួលបានការការពារ ទីជម្រកសុវត្ថិភាព និងការថែទាំសុខភាព។",
                        "ពង្រឹងកិច្ចសហប្រតិបត្តិការរវាងកម្ពុជា និងថៃ ក្នុងការស៊ើបអង្កេតករណីជួញដូរមនុស្ស។",
                        "បណ្តុះបណ្តាលមន្ត្រីនគរបាល អំពីការកំណត់អត្តសញ្ញាណជនរងគ្រោះ។",
                    ],
                ),
            ],
            "notes": [
                "ខ្លឹមសារទាំងអស់នៅក្នុងឯកសារនេះ គឺជាការប្រឌិត សម្រាប់ជាឯកសារគំរូ។",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Mixed English/Thai report, 2025
# ---------------------------------------------------------------------------
EN_TH = {
    "file": "en-th-scam-compound-survivors-2025.pdf",
    "short": "After the Compound / หลังออกจากแหล่งหลอกลวง (sample, 2025)",
    "title": "After the Compound: Support Needs of Scam-Centre Survivors",
    "subtitle": "หลังออกจากแหล่งหลอกลวงออนไลน์: ความต้องการความช่วยเหลือของผู้รอดชีวิต",
    "notice_local": "เอกสารตัวอย่างสำหรับระบบ Report Search เนื้อหาทั้งหมดเป็นเรื่องสมมติ",
    "publisher": "Border Legal Aid Collective (sample) / กลุ่มช่วยเหลือทางกฎหมายชายแดน (ตัวอย่าง)",
    "year": 2025,
    "date": (2025, 3, 12),
    "type": "report",
    "genre_label": "Bilingual report / รายงานสองภาษา",
    "lang": "en",
    "countries": ["Thailand", "Myanmar", "Viet Nam", "Indonesia", "Philippines"],
    "themes": ["online scams", "victim protection", "non-punishment"],
    "summary": [
        "This bilingual report presents findings from interviews with 38 survivors of online "
        "scam compounds who crossed into Thailand at Mae Sot between 2023 and 2024. It is "
        "published in English and Thai so that frontline officers and survivors can use the "
        "same text.",
        "รายงานสองภาษาฉบับนี้ นำเสนอผลการสัมภาษณ์ผู้รอดชีวิตจากแหล่งหลอกลวงออนไลน์จำนวน 38 คน "
        "ซึ่งข้ามแดนเข้าสู่ประเทศไทยที่อำเภอแม่สอด ระหว่างปี 2566 ถึง 2567 "
        "รายงานนี้จัดทำเป็นภาษาอังกฤษและภาษาไทย เพื่อให้เจ้าหน้าที่และผู้รอดชีวิตใช้ข้อมูลเดียวกันได้",
    ],
    "sections": [
        {
            "heading": "1. Who we spoke to / ผู้ให้สัมภาษณ์",
            "body": [
                "Respondents came from Thailand, Myanmar, Viet Nam, Indonesia and the Philippines. "
                "Most had been recruited through social media with promises of office work and "
                "were held for between two and ten months. All described forced labour, and most "
                "described violence or threats.",
                "ผู้ให้สัมภาษณ์มาจากประเทศไทย เมียนมา เวียดนาม อินโดนีเซีย และฟิลิปปินส์ "
                "ส่วนใหญ่ถูกชักชวนผ่านสื่อสังคมออนไลน์ ด้วยคำสัญญาว่าจะได้ทำงานในสำนักงาน "
                "และถูกกักตัวไว้นานสองถึงสิบเดือน ทุกคนเล่าว่าตนตกอยู่ในสภาพแรงงานบังคับ "
                "และส่วนใหญ่เคยถูกทำร้ายหรือข่มขู่",
            ],
        },
        {
            "heading": "2. Screening and non-punishment / การคัดแยกผู้เสียหายและหลักการไม่ลงโทษ",
            "newpage": True,
            "body": [
                "Survivors who were screened by a multidisciplinary team were far more likely to be "
                "identified as victims of trafficking than those interviewed only by immigration "
                "officers. Several respondents had been fined for illegal entry before any "
                "screening took place.",
                "ผู้รอดชีวิตที่ได้รับการคัดแยกโดยทีมสหวิชาชีพ "
                "มีโอกาสได้รับการยืนยันว่าเป็นผู้เสียหายจากการค้ามนุษย์ "
                "สูงกว่าผู้ที่ได้รับการสัมภาษณ์โดยเจ้าหน้าที่ตรวจคนเข้าเมืองเพียงอย่างเดียว "
                "ผู้ให้สัมภาษณ์หลายคนถูกปรับฐานเข้าเมืองโดยผิดกฎหมาย ก่อนได้รับการคัดแยก",
            ],
        },
        {
            "heading": "3. Recommendations / ข้อเสนอแนะ",
            "body": [
                (
                    "bullets",
                    [
                        "Screen every person leaving a scam compound before any fine or charge.",
                        "คัดแยกผู้ที่ออกจากแหล่งหลอกลวงออนไลน์ทุกคน ก่อนการปรับหรือการตั้งข้อหา",
                        "Provide interpreters and psychosocial support at border reception points.",
                        "จัดให้มีล่ามและการช่วยเหลือด้านจิตใจ ณ จุดรับตัวบริเวณชายแดน",
                        "Apply the non-punishment principle to acts that survivors were forced to commit.",
                        "ใช้หลักการไม่ลงโทษผู้เสียหาย กับการกระทำที่ผู้รอดชีวิตถูกบังคับให้ทำ",
                    ],
                ),
            ],
            "notes": [
                "All figures are fictional. / ตัวเลขทั้งหมดเป็นข้อมูลสมมติ",
            ],
        },
    ],
}

DOCS = [TH_GUIDE, ID_FACTSHEET, VI_BRIEF, KM_BRIEF, EN_TH]
