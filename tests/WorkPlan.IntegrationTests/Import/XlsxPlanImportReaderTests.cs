using ClosedXML.Excel;
using WorkPlan.Core.Reports;
using static WorkPlan.IntegrationTests.Import.ImportWorkbooks;

namespace WorkPlan.IntegrationTests.Import;

/// <summary>Reading good plans: the official form, other column orders, the Russian layout, pictures.</summary>
public class XlsxPlanImportReaderTests
{
    private const string FundService = "Fondlarni to'ldirish, saqlash va ularga ishlov berish xizmati";

    /// <summary>The official form as the seed plan prints it (rows numbered as in Excel).</summary>
    private static byte[] OfficialForm() => Workbook(sheet =>
    {
        Merge(sheet, 1, 1, 1, 3, "KELISHILDI");
        Merge(sheet, 1, 6, 1, 8, "TASDIQLAYMAN");
        Merge(sheet, 2, 1, 2, 3, "Bobur nomidagi Andijon viloyat axborot-\nkutubxona markazi direktori");
        Merge(sheet, 2, 6, 2, 8, "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi direktori");
        Merge(sheet, 3, 1, 3, 3, "G.Ismailova");
        Merge(sheet, 3, 6, 3, 8, "M.Mo'minova");
        Merge(sheet, 4, 1, 4, 3, "2022 yil \"____\" ________");
        Merge(sheet, 4, 6, 4, 8, "2022 yil \"5\" yanvar");
        Merge(sheet, 6, 1, 6, 8, "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining\n2022 yil uchun mo'ljallangan ish rejasi");
        OfficialHeader(sheet, 8);

        Merge(sheet, 10, 1, 10, 8, "I. ILMIY-METODIK FAOLIYAT");
        Row(sheet, 11, 1, "Me'yoriy-uslubiy qo'llanmalar ishlab chiqish", "hujjat", 2, 2, "Xizmat rejasi asosida", "2022-yil davomida", "Axborot bibliografiya xizmati");
        Row(sheet, 12, "2", "AKMning kadrlar faoliyati monitoringini yuritish", "hujjat", 2, 4,
            "1. Hududiy AKMlari mutaxassislarini toifaga ajratish bo'yicha jadval ishlab chiqish;\n2. Har oy yakuni bo'yicha hisobotini yuritish;\n3. Har chorak ma'lumotlarni umumlashtirib, Viloyat AKMga taqdim etish",
            "2022-yil davomida", "Kadrlar bo'yicha inspektor");
        Row(sheet, 13, 9, "Foydalanuvchilar o'rtasida so'rovnoma o'tkazish", "Tadbir", 4, 4,
            "1. Anketa savollarini tuzish; 2. So'rovnoma foydalanuvchilarga taqdim etish; 3. So'rovnoma natijalarini tahlil qilish va Viloyat AKMga taqdim etish",
            "I-III-chorak",
            "Abonemetlarga foydalanuvchilarga xizmat ko'rsatish xizmati, Axborot kommunikatsiya texnologiyalar va raqamlashtirish xizmati");

        Merge(sheet, 14, 1, 14, 8, "II. ASOSIY ISHLAB CHIQARISH FAOLIYATI");
        Row(sheet, 15, 10, "Axborot-kutubxona fondlarini to'ldirish", "Nusxa jami", 4379, 4000, "Axborot-kutubxona resurslarini qabul qilish va hisobga olish", "2022 yil davomida", FundService);
        Merge(sheet, 16, 2, 16, 8, "shundan,");
        Row(sheet, 17, "10.1.", "Majburiy nusxa", "Nusxa", 0, 0, "Hududa chop etilgan nashrlar asosida", "2022 yil davomida");
        Row(sheet, 18, "10.2.", "Xarid qilish orqali", "Nusxa", 1450, 3000, "Shartnoma asosida", "2022 yil davomida");
        Row(sheet, 19, "10.3.", "Kitob almashinuvi asosida", "Nusxa", "-", "-", "Hamkorlik shartnomasi asosida", "2022 yil davomida");
        Row(sheet, 20, "10.4.", "Sovg'a tariqasida", "Nusxa", 2929, 1000, "Dalolatnoma asosida", "2022 yil davomida");
        Merge(sheet, 17, 8, 20, 8, FundService); // one service cell for all four "of which" rows
        Row(sheet, 21, 15, "Foydalanuvchilarni ro'yxatga olish", "Nafar", "11 340", "14,000",
            "Ro'yxatga olingan statistik ma'lumotlar asosida foydalanuvchilar hisobini yuritish", "2022 yil davomida",
            "Abonemetlarga foydalanuvchilarga xizmat ko'rsatish xizmati,\nAxborot-bibliografiya xizmati");

        Merge(sheet, 23, 1, 23, 8, "V. OAV BILAN ISHLASH");
        Row(sheet, 24, 42, "Pullik xizmatlar", "So'mda", null, null, null, "2022-yil davomida", "Barcha xizmatlar");
        Row(sheet, 25, 42.1, "Axborot-kutubxona xizmatlaridan tushgan mablag'", "So'mda", "1 250 000,50", 1500000.75, "- Shartnomalar asosida\n- Preyskurant asosida", "Har oyda", "Barcha xizmatlar");
        Row(sheet, 26, "42.2", "Ijara xizmatlaridan tushgan mablag'", "So'mda", "12\u00A0500", "1,5", null, null, null);

        Row(sheet, 28, null, "Direktor", null, null, null, "M.Mo'minova");
    });

    [Fact]
    public void Reads_every_field_of_the_official_form()
    {
        var plan = Read(OfficialForm());

        plan.Problems.Should().BeEmpty();
        plan.CanBeImported.Should().BeTrue();
        plan.Title.Should().Be("Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining 2022 yil uchun mo'ljallangan ish rejasi");
        plan.Agreement.Should().Be(new ImportedSignature("Bobur nomidagi Andijon viloyat axborot-kutubxona markazi direktori", "G.Ismailova", null));
        plan.Approval.Should().Be(new ImportedSignature("Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi direktori", "M.Mo'minova", new DateOnly(2022, 1, 5)));

        plan.Sections.Select(s => (s.Label, s.Title)).Should().Equal(
            ("I", "ILMIY-METODIK FAOLIYAT"), ("II", "ASOSIY ISHLAB CHIQARISH FAOLIYATI"), ("V", "OAV BILAN ISHLASH"));
        plan.Sections.Select(s => string.Join(" ", s.Rows.Select(r => r.Number))).Should().Equal(
            "1 2 9", "10 10.1 10.2 10.3 10.4 15", "42 42.1 42.2");

        var rows = plan.Sections.SelectMany(s => s.Rows).ToDictionary(r => r.Number);
        rows["1"].Should().BeEquivalentTo(new ImportedRow(
            11, "1", "Me'yoriy-uslubiy qo'llanmalar ishlab chiqish", "hujjat", 2, 2,
            ["Xizmat rejasi asosida"], "2022-yil davomida", ["Axborot bibliografiya xizmati"], null));

        rows["2"].SheetRow.Should().Be(12);
        rows["2"].Target.Should().Be(4);
        rows["2"].Mechanism.Should().Equal(
            "Hududiy AKMlari mutaxassislarini toifaga ajratish bo'yicha jadval ishlab chiqish",
            "Har oy yakuni bo'yicha hisobotini yuritish",
            "Har chorak ma'lumotlarni umumlashtirib, Viloyat AKMga taqdim etish");
        rows["2"].Services.Should().Equal("Kadrlar bo'yicha inspektor");

        rows["9"].Mechanism.Should().Equal(
            "Anketa savollarini tuzish",
            "So'rovnoma foydalanuvchilarga taqdim etish",
            "So'rovnoma natijalarini tahlil qilish va Viloyat AKMga taqdim etish");
        rows["9"].Deadline.Should().Be("I-III-chorak");
        rows["9"].Services.Should().Equal(
            "Abonemetlarga foydalanuvchilarga xizmat ko'rsatish xizmati",
            "Axborot kommunikatsiya texnologiyalar va raqamlashtirish xizmati");

        rows["10"].Should().BeEquivalentTo(new ImportedRow(
            15, "10", "Axborot-kutubxona fondlarini to'ldirish", "Nusxa jami", 4379, 4000,
            ["Axborot-kutubxona resurslarini qabul qilish va hisobga olish"], "2022 yil davomida", [FundService], null));
        rows["10.1"].Should().BeEquivalentTo(new ImportedRow(
            17, "10.1", "Majburiy nusxa", "Nusxa", 0, 0, ["Hududa chop etilgan nashrlar asosida"], "2022 yil davomida", [FundService], "10"));
        rows["10.2"].Should().BeEquivalentTo(new ImportedRow(
            18, "10.2", "Xarid qilish orqali", "Nusxa", 1450, 3000, ["Shartnoma asosida"], "2022 yil davomida", [FundService], "10"));
        rows["10.3"].Should().BeEquivalentTo(new ImportedRow(
            19, "10.3", "Kitob almashinuvi asosida", "Nusxa", null, null, ["Hamkorlik shartnomasi asosida"], "2022 yil davomida", [FundService], "10"));
        rows["10.4"].Fact.Should().Be(2929);
        rows["10.4"].Target.Should().Be(1000);
        rows["10.4"].ParentNumber.Should().Be("10");
        (rows["10.2"].Fact + rows["10.4"].Fact).Should().Be(rows["10"].Fact);

        rows["15"].Fact.Should().Be(11340);
        rows["15"].Target.Should().Be(14000);
        rows["15"].ParentNumber.Should().BeNull();
        rows["15"].Services.Should().Equal("Abonemetlarga foydalanuvchilarga xizmat ko'rsatish xizmati", "Axborot-bibliografiya xizmati");

        rows["42"].Fact.Should().BeNull();
        rows["42"].Target.Should().BeNull();
        rows["42"].Mechanism.Should().BeEmpty();
        rows["42"].Services.Should().Equal("Barcha xizmatlar");
        rows["42.1"].Fact.Should().Be(1250000.50m);
        rows["42.1"].Target.Should().Be(1500000.75m);
        rows["42.1"].Mechanism.Should().Equal("Shartnomalar asosida", "Preyskurant asosida");
        rows["42.1"].ParentNumber.Should().Be("42");
        rows["42.2"].Fact.Should().Be(12500);
        rows["42.2"].Target.Should().Be(1.5m);
        rows["42.2"].Deadline.Should().BeNull();
        rows["42.2"].Services.Should().BeEmpty();
        rows["42.2"].SheetRow.Should().Be(26);
    }

    [Fact]
    public void Finds_the_columns_by_their_headers_in_any_order_and_ignores_extra_ones()
    {
        var bytes = Workbook(sheet =>
        {
            Row(sheet, 1, "Xo'jaobod tuman AKMning 2023 yil uchun ish rejasi");
            Row(sheet, 3, "Nomi", "№", "Izoh", "2023 yil (reja)", "2022 yil (fakt)", "Mas'ullar", "Bajarilish muddati", "Amalga oshirish mexanizmi", "O'lchov birligi");
            Row(sheet, 4, "I. ILMIY-METODIK FAOLIYAT");
            Row(sheet, 5, "Tadbirlar o'tkazish", 1, "ichki izoh", 12, 10, "Axborot-bibliografiya xizmati", "Har oyda", "Reja asosida", "Tadbir");
            Row(sheet, 6, "Kitob berish", "2", null, "1 000", "-", "Abonementlarga foydalanuvchilarga xizmat ko'rsatish xizmati", "2023-yil davomida", "1) Kutubxonada;\n2) Ko'chma kutubxonalarda", "Nusxa");
            Row(sheet, 7, "shu jumladan:");
            Row(sheet, 8, "Bolalarga", "2.1", null, 400, 380, null, null, null, "Nusxa");
        });

        var plan = Read(bytes);

        plan.Problems.Should().BeEmpty();
        plan.Title.Should().Be("Xo'jaobod tuman AKMning 2023 yil uchun ish rejasi");
        plan.Agreement.Should().BeNull();
        plan.Approval.Should().BeNull();
        var section = plan.Sections.Should().ContainSingle().Subject;
        section.Should().BeEquivalentTo(new { Label = "I", Title = "ILMIY-METODIK FAOLIYAT" });
        section.Rows.Should().BeEquivalentTo(
            new[]
            {
                new ImportedRow(5, "1", "Tadbirlar o'tkazish", "Tadbir", 10, 12, ["Reja asosida"], "Har oyda", ["Axborot-bibliografiya xizmati"], null),
                new ImportedRow(6, "2", "Kitob berish", "Nusxa", null, 1000, ["Kutubxonada", "Ko'chma kutubxonalarda"], "2023-yil davomida",
                    ["Abonementlarga foydalanuvchilarga xizmat ko'rsatish xizmati"], null),
                new ImportedRow(8, "2.1", "Bolalarga", "Nusxa", 380, 400, [], null, [], "2"),
            },
            options => options.WithStrictOrdering());
    }

    [Fact]
    public void Reads_the_russian_layout_of_the_exported_form()
    {
        var bytes = Workbook(sheet =>
        {
            Merge(sheet, 1, 1, 1, 3, "СОГЛАСОВАНО");
            Merge(sheet, 1, 6, 1, 8, "УТВЕРЖДАЮ");
            Merge(sheet, 2, 6, 2, 8, "Директор ИБЦ Ходжаабадского района");
            Merge(sheet, 3, 6, 3, 8, "М.Муминова");
            Merge(sheet, 4, 1, 4, 3, "«____» ________ 2022 г.");
            Merge(sheet, 4, 6, 4, 8, "«5» января 2022 г.");
            Merge(sheet, 6, 1, 6, 8, "План ИБЦ Ходжаабадского района на 2022 год");
            Merge(sheet, 8, 1, 9, 1, "№");
            Merge(sheet, 8, 2, 9, 2, "Наименование");
            Merge(sheet, 8, 3, 9, 3, "Единица измерения");
            Merge(sheet, 8, 4, 8, 5, "Количество");
            Row(sheet, 9, null, null, null, "2021 г. (факт)", "2022 г. (план)");
            Merge(sheet, 8, 6, 9, 6, "Механизм реализации");
            Merge(sheet, 8, 7, 9, 7, "Срок исполнения");
            Merge(sheet, 8, 8, 9, 8, "Ответственные");
            Merge(sheet, 10, 1, 10, 8, "II. ОСНОВНАЯ ДЕЯТЕЛЬНОСТЬ");
            Row(sheet, 11, "10", "Комплектование фондов", "экз.", 4379, 4000, "Приём ресурсов", "в течение года", "Все службы");
            Row(sheet, 12, string.Empty);
            Merge(sheet, 12, 2, 12, 8, "из них:");
            Row(sheet, 13, "10.1", "Обязательный экземпляр", "экз.", "-", 0);
        });

        var plan = Read(bytes);

        plan.Problems.Should().BeEmpty();
        plan.Title.Should().Be("План ИБЦ Ходжаабадского района на 2022 год");
        plan.Agreement.Should().Be(new ImportedSignature(null, null, null));
        plan.Approval.Should().Be(new ImportedSignature("Директор ИБЦ Ходжаабадского района", "М.Муминова", new DateOnly(2022, 1, 5)));
        plan.Sections.Should().ContainSingle().Which.Rows.Select(r => (r.Number, r.Fact, r.Target, r.ParentNumber)).Should().Equal(
            ("10", 4379m, 4000m, null), ("10.1", null, 0m, "10"));
    }

    [Fact]
    public void Reads_signature_dates_written_with_numeric_months_and_warns_about_impossible_ones()
    {
        var bytes = Workbook(sheet =>
        {
            Row(sheet, 1, "KELISHILDI", null, null, null, null, "TASDIQLAYMAN");
            Row(sheet, 2, "Viloyat AKM direktori", null, null, null, null, "Tuman AKM direktori");
            Row(sheet, 3, "G.Ismailova", null, null, null, null, "M.Mo'minova");
            Row(sheet, 4, "2022 yil \"31\" fevral", null, null, null, null, "2022 yil \" 5 \" 01");
            Row(sheet, 6, "Tuman AKMning 2022 yil uchun ish rejasi");
            OfficialHeader(sheet, 8);
            Row(sheet, 10, "I. ILMIY-METODIK FAOLIYAT");
            Row(sheet, 11, 1, "Monitoring", "hujjat", 2, 4);
        });

        var plan = Read(bytes);

        plan.Approval!.Date.Should().Be(new DateOnly(2022, 1, 5));
        plan.Agreement!.Date.Should().BeNull();
        plan.Agreement.Name.Should().Be("G.Ismailova");
        plan.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new ImportProblem(4, "Import.BadDate", false, "2022 yil \"31\" fevral"));
        plan.CanBeImported.Should().BeTrue("a bad signature date is only a warning");
    }

    [Fact]
    public void Reads_a_plan_with_a_picture_on_its_sheet()
    {
        // ClosedXML 0.95 loads pictures through System.Drawing (libgdiplus, absent): the reader cuts them off first.
        var plan = Read(WithPicture(OfficialForm()));

        plan.Problems.Should().BeEmpty();
        plan.Sections.SelectMany(s => s.Rows).Should().HaveCount(12);
    }

    [Fact]
    public void Reads_the_first_sheet_that_has_the_table()
    {
        using var workbook = new XLWorkbook();
        Row(workbook.AddWorksheet("Izoh"), 1, "Bu varaqda jadval yo'q");
        var sheet = workbook.AddWorksheet("Reja");
        OfficialHeader(sheet, 1);
        Row(sheet, 3, "I. ILMIY-METODIK FAOLIYAT");
        Row(sheet, 4, 1, "Monitoring", "hujjat", 2, 4);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var plan = Read(stream.ToArray());

        plan.Problems.Should().BeEmpty();
        plan.Sections.Should().ContainSingle().Which.Rows.Should().ContainSingle().Which.Name.Should().Be("Monitoring");
    }
    [Fact]
    public void Reads_a_title_on_two_rows_column_numbers_under_the_header_and_steps_run_together()
    {
        var bytes = Workbook(sheet =>
        {
            Merge(sheet, 1, 1, 1, 8, "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining");
            Merge(sheet, 2, 1, 2, 8, "2022 yil uchun mo'ljallangan ish rejasi");
            OfficialHeader(sheet, 4);
            Row(sheet, 6, 1, 2, 3, 4, 5, 6, 7, 8);
            Merge(sheet, 7, 1, 7, 8, "IV. KADRLAR MALAKASINI OSHIRISH");
            Row(sheet, 8, 32, "Adabiyotlarni raqamlashtirish", "Sahifa", 9516, 9516,
                "1.Ko'p so'raladigan va kam nusxadagi adabiyotlarni raqamlashtirish 2.O'quv zallarida foydalanuvchilarga taqdim etish/soni",
                "2022-yil davomida", "Axborot kommunikatsiya texnologiyalar va raqamlashtirish xizmati");
        });

        var plan = Read(bytes);

        plan.Problems.Should().BeEmpty();
        plan.Title.Should().Be("Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining 2022 yil uchun mo'ljallangan ish rejasi");
        var row = plan.Sections.Should().ContainSingle().Which.Rows.Should().ContainSingle().Subject;
        row.Number.Should().Be("32");
        row.Mechanism.Should().Equal(
            "Ko'p so'raladigan va kam nusxadagi adabiyotlarni raqamlashtirish",
            "O'quv zallarida foydalanuvchilarga taqdim etish/soni");
    }

    [Fact]
    public void Never_evaluates_formulas_a_formula_without_a_saved_value_is_not_a_number()
    {
        var bytes = Workbook(sheet =>
        {
            OfficialHeader(sheet, 1);
            Row(sheet, 3, "I. ILMIY-METODIK FAOLIYAT");
            Row(sheet, 4, 1, "Monitoring", "hujjat", 2, 4);
            sheet.Cell(4, 5).FormulaA1 = "SUM(D4:D4)*2";
        });

        var plan = Read(bytes);

        plan.Sections.Should().BeEmpty();
        plan.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new ImportProblem(4, "Import.NotANumber", true, "=SUM(D4:D4)*2", "E4"));
    }
}
