/// A name in its own script with an ASCII form for e-mail addresses.
struct DemoName {
    let text: String
    let ascii: [UInt8]

    init(_ text: String, _ ascii: String) {
        self.text = text
        self.ascii = Array(ascii.utf8)
    }
}

/// People, cities and company forms of one language area.
struct NameCulture {
    let language: String
    let firstNames: [DemoName]
    let lastNames: [DemoName]
    /// Family name first (Chinese, Japanese, Korean).
    let familyFirst: Bool
    /// Between the two names: a space, or nothing for Chinese.
    let separator: String
    let cities: [String]
    /// Company forms, `%` standing for a family name, e.g. `% GmbH`.
    let companyForms: [(prefix: String, suffix: String)]
    let emailDomains: [String]
    /// Relative share of customers.
    let weight: Int
}

/// The pools the generator draws customer names from.
enum DemoNames {
    private static func names(_ pairs: [(String, String)]) -> [DemoName] { pairs.map { DemoName($0.0, $0.1) } }

    static let cultures: [NameCulture] = [
        NameCulture(
            language: "de",
            firstNames: names([("Anna", "anna"), ("Jürgen", "juergen"), ("Jörg", "joerg"), ("Bärbel", "baerbel"),
                               ("Lukas", "lukas"), ("Sophie", "sophie"), ("Günther", "guenther"), ("Maximilian", "maximilian"),
                               ("Lena", "lena"), ("Uwe", "uwe"), ("Käthe", "kaethe"), ("Felix", "felix"),
                               ("Hannah", "hannah"), ("Björn", "bjoern"), ("Mia", "mia"), ("Jonas", "jonas")]),
            lastNames: names([("Müller", "mueller"), ("Schröder", "schroeder"), ("Weiß", "weiss"), ("Schäfer", "schaefer"),
                              ("Fischer", "fischer"), ("Wagner", "wagner"), ("Köhler", "koehler"), ("Becker", "becker"),
                              ("Hoffmann", "hoffmann"), ("Groß", "gross"), ("Krüger", "krueger"), ("Schulz", "schulz"),
                              ("Bäcker", "baecker"), ("Zimmermann", "zimmermann")]),
            familyFirst: false, separator: " ",
            cities: ["Bonn", "Köln", "München", "Düsseldorf", "Berlin", "Hamburg", "Lübeck", "Göttingen", "Würzburg", "Leipzig"],
            companyForms: [("", " GmbH"), ("", " & Söhne KG"), ("Bäckerei ", ""), ("", " AG")],
            emailDomains: ["example.com", "post.example", "mail.example"],
            weight: 30),
        NameCulture(
            language: "fr",
            firstNames: names([("François", "francois"), ("Hélène", "helene"), ("Benoît", "benoit"), ("Chloé", "chloe"),
                               ("Zoë", "zoe"), ("Jérôme", "jerome"), ("Élodie", "elodie"), ("Noël", "noel"),
                               ("Camille", "camille"), ("Gaëlle", "gaelle"), ("Léa", "lea"), ("Thierry", "thierry")]),
            lastNames: names([("Lefèvre", "lefevre"), ("Dubois", "dubois"), ("Moreau", "moreau"), ("Girard", "girard"),
                              ("Bézier", "bezier"), ("Faure", "faure"), ("Chevalier", "chevalier"), ("Lemaître", "lemaitre"),
                              ("Gauthier", "gauthier"), ("Mercier", "mercier")]),
            familyFirst: false, separator: " ",
            cities: ["Paris", "Lyon", "Marseille", "Orléans", "Besançon", "Nîmes", "Montréal", "Genève", "Liège"],
            companyForms: [("", " SARL"), ("Société ", ""), ("", " & Fils")],
            emailDomains: ["example.org", "courriel.example"],
            weight: 12),
        NameCulture(
            language: "es",
            firstNames: names([("José", "jose"), ("María", "maria"), ("Iñigo", "inigo"), ("Lucía", "lucia"),
                               ("Álvaro", "alvaro"), ("Sofía", "sofia"), ("Raúl", "raul"), ("Begoña", "begona"),
                               ("Martín", "martin"), ("Inés", "ines")]),
            lastNames: names([("Núñez", "nunez"), ("Peña", "pena"), ("García", "garcia"), ("Muñoz", "munoz"),
                              ("Fernández", "fernandez"), ("Ibáñez", "ibanez"), ("López", "lopez"), ("Castaño", "castano"),
                              ("Gómez", "gomez")]),
            familyFirst: false, separator: " ",
            cities: ["Madrid", "Málaga", "Córdoba", "Cádiz", "Bilbao", "Valencia", "México", "Bogotá"],
            companyForms: [("", " S.L."), ("Hermanos ", " S.A.")],
            emailDomains: ["example.net", "correo.example"],
            weight: 10),
        NameCulture(
            language: "pl",
            firstNames: names([("Łukasz", "lukasz"), ("Małgorzata", "malgorzata"), ("Wojciech", "wojciech"), ("Zofia", "zofia"),
                               ("Paweł", "pawel"), ("Agnieszka", "agnieszka"), ("Michał", "michal"), ("Jędrzej", "jedrzej"),
                               ("Bożena", "bozena"), ("Grzegorz", "grzegorz")]),
            lastNames: names([("Wiśniewski", "wisniewski"), ("Kowalczyk", "kowalczyk"), ("Żak", "zak"), ("Wójcik", "wojcik"),
                              ("Dąbrowska", "dabrowska"), ("Kamiński", "kaminski"), ("Szczęsny", "szczesny"),
                              ("Nowak", "nowak"), ("Łuczak", "luczak")]),
            familyFirst: false, separator: " ",
            cities: ["Kraków", "Łódź", "Gdańsk", "Poznań", "Wrocław", "Warszawa"],
            companyForms: [("", " Sp. z o.o."), ("Firma ", "")],
            emailDomains: ["example.com", "poczta.example"],
            weight: 7),
        NameCulture(
            language: "tr",
            firstNames: names([("Çağla", "cagla"), ("Gökhan", "gokhan"), ("İlker", "ilker"), ("Şule", "sule"),
                               ("Mehmet", "mehmet"), ("Ayşe", "ayse"), ("Barış", "baris"), ("Özge", "ozge"),
                               ("Emre", "emre"), ("Elif", "elif")]),
            lastNames: names([("Yılmaz", "yilmaz"), ("Öztürk", "ozturk"), ("Şahin", "sahin"), ("Çelik", "celik"),
                              ("Doğan", "dogan"), ("Kılıç", "kilic"), ("Aydın", "aydin"), ("Güneş", "gunes")]),
            familyFirst: false, separator: " ",
            cities: ["İstanbul", "İzmir", "Ankara", "Eskişehir", "Muğla"],
            companyForms: [("", " A.Ş."), ("", " Ltd. Şti.")],
            emailDomains: ["example.net", "eposta.example"],
            weight: 6),
        NameCulture(
            language: "el",
            firstNames: names([("Γιώργος", "giorgos"), ("Μαρία", "maria"), ("Δημήτρης", "dimitris"), ("Ελένη", "eleni"),
                               ("Νίκος", "nikos"), ("Αικατερίνη", "aikaterini"), ("Κώστας", "kostas")]),
            lastNames: names([("Παπαδόπουλος", "papadopoulos"), ("Οικονόμου", "oikonomou"), ("Γεωργίου", "georgiou"),
                              ("Νικολάου", "nikolaou"), ("Βλάχος", "vlachos"), ("Ιωάννου", "ioannou")]),
            familyFirst: false, separator: " ",
            cities: ["Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο"],
            companyForms: [("", " Α.Ε."), ("", " Ο.Ε.")],
            emailDomains: ["example.org"],
            weight: 4),
        NameCulture(
            language: "ru",
            firstNames: names([("Дмитрий", "dmitry"), ("Анна", "anna"), ("Сергей", "sergey"), ("Ольга", "olga"),
                               ("Наталья", "natalya"), ("Алексей", "aleksey"), ("Юлия", "yulia"), ("Ярослав", "yaroslav")]),
            lastNames: names([("Иванов", "ivanov"), ("Смирнова", "smirnova"), ("Кузнецов", "kuznetsov"), ("Попова", "popova"),
                              ("Соколов", "sokolov"), ("Фёдорова", "fedorova"), ("Шевченко", "shevchenko")]),
            familyFirst: false, separator: " ",
            cities: ["Москва", "Санкт-Петербург", "Київ", "Новосибирск", "Алматы"],
            companyForms: [("ООО «", "»"), ("", " и партнёры")],
            emailDomains: ["example.com", "pochta.example"],
            weight: 5),
        NameCulture(
            language: "ar",
            firstNames: names([("محمد", "mohammed"), ("فاطمة", "fatima"), ("أحمد", "ahmed"), ("ليلى", "layla"),
                               ("يوسف", "youssef"), ("مريم", "maryam"), ("عمر", "omar")]),
            lastNames: names([("العلي", "alali"), ("حداد", "haddad"), ("الخطيب", "alkhatib"), ("منصور", "mansour"),
                              ("ناصر", "nasser"), ("الحسيني", "alhusseini")]),
            familyFirst: false, separator: " ",
            cities: ["الرياض", "دبي", "القاهرة", "عمّان", "الدار البيضاء"],
            companyForms: [("شركة ", ""), ("مؤسسة ", "")],
            emailDomains: ["example.net"],
            weight: 4),
        NameCulture(
            language: "zh",
            firstNames: names([("伟", "wei"), ("娜", "na"), ("静", "jing"), ("强", "qiang"), ("秀英", "xiuying"),
                               ("志明", "zhiming"), ("丽华", "lihua")]),
            lastNames: names([("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang")]),
            familyFirst: true, separator: "",
            cities: ["北京", "上海", "深圳", "台北", "香港"],
            companyForms: [("", "有限公司"), ("", "贸易公司")],
            emailDomains: ["example.com"],
            weight: 4),
        NameCulture(
            language: "ja",
            firstNames: names([("花子", "hanako"), ("翔太", "shota"), ("陽菜", "hina"), ("健", "ken"), ("さくら", "sakura"),
                               ("大輔", "daisuke")]),
            lastNames: names([("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"),
                              ("渡辺", "watanabe"), ("伊藤", "ito")]),
            familyFirst: true, separator: " ",
            cities: ["東京", "大阪", "京都", "札幌", "福岡"],
            companyForms: [("株式会社", ""), ("", "商事")],
            emailDomains: ["example.org", "mail.example"],
            weight: 3),
        NameCulture(
            language: "ko",
            firstNames: names([("민준", "minjun"), ("서연", "seoyeon"), ("지훈", "jihoon"), ("하은", "haeun")]),
            lastNames: names([("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi")]),
            familyFirst: true, separator: "",
            cities: ["서울", "부산", "인천"],
            companyForms: [("", " 주식회사")],
            emailDomains: ["example.net"],
            weight: 2),
        NameCulture(
            language: "hi",
            firstNames: names([("राहुल", "rahul"), ("प्रिया", "priya"), ("अर्जुन", "arjun"), ("अनन्या", "ananya"),
                               ("विक्रम", "vikram"), ("दीपिका", "deepika")]),
            lastNames: names([("शर्मा", "sharma"), ("पटेल", "patel"), ("सिंह", "singh"), ("गुप्ता", "gupta"),
                              ("वर्मा", "verma")]),
            familyFirst: false, separator: " ",
            cities: ["मुंबई", "दिल्ली", "बेंगलुरु", "Pune", "Chennai"],
            companyForms: [("", " प्राइवेट लिमिटेड"), ("", " Pvt. Ltd.")],
            emailDomains: ["example.com", "mail.example"],
            weight: 4),
        NameCulture(
            language: "en",
            firstNames: names([("Emma", "emma"), ("Oliver", "oliver"), ("Liam", "liam"), ("Olivia", "olivia"),
                               ("Noah", "noah"), ("Ava", "ava"), ("Siobhán", "siobhan"), ("Seán", "sean"),
                               ("Chloe", "chloe"), ("Jack", "jack"), ("Grace", "grace"), ("Henry", "henry")]),
            lastNames: names([("Smith", "smith"), ("O'Brien", "obrien"), ("Johnson", "johnson"), ("Taylor", "taylor"),
                              ("Brown", "brown"), ("Williams", "williams"), ("Ní Bhriain", "nibhriain"),
                              ("MacDonald", "macdonald"), ("Evans", "evans")]),
            familyFirst: false, separator: " ",
            cities: ["London", "Dublin", "Manchester", "New York", "Toronto", "Sydney"],
            companyForms: [("", " Ltd"), ("", " & Co."), ("", " Inc.")],
            emailDomains: ["example.com", "example.org", "example.net"],
            weight: 9),
    ]

    /// Picks a culture by weight.
    static let cultureChoice = WeightedChoice(cultures.map(\.weight))

    /// Appended to a small share of names (includes multi-scalar emoji: ZWJ sequences, flags, skin tones).
    static let emoji = ["🌻", "🚀", "✨", "🎸", "☕️", "👩‍💻", "🧑🏽‍🍳", "🇩🇪", "🇫🇷", "❤️", "🐱", "🏳️‍🌈"]
}
