using WorkPlan.Core.Plans;
using WorkPlan.Core.Reports;
using WorkPlan.Infrastructure.Export;
using static WorkPlan.IntegrationTests.Import.ImportWorkbooks;

namespace WorkPlan.IntegrationTests.Import;

/// <summary>The app's own Excel export, in each UI language, reads back as the plan it was written from.</summary>
public class ExportRoundTripTests
{
    private static readonly PlanDocument Document = new(
        Id: 1,
        Year: 2022,
        Title: "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining 2022 yil uchun mo'ljallangan ish rejasi",
        Status: PlanStatus.Draft,
        OrganisationName: "Xo'jaobod tuman AKM",
        Agreement: new SignatureBlock("Bobur nomidagi Andijon viloyat axborot-kutubxona markazi direktori", "G.Ismailova", null),
        Approval: new SignatureBlock("Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi direktori", "M.Mo'minova", new DateOnly(2022, 1, 5)),
        Sections:
        [
            new PlanDocumentSection("I", "ILMIY-METODIK FAOLIYAT",
            [
                new PlanDocumentRow(1, "2", "AKMning kadrlar faoliyati monitoringini yuritish", "hujjat", Measure.Count, 2, 4,
                    ["Jadval ishlab chiqish", "Har oy hisobot yuritish", "Viloyat AKMga taqdim etish"], "2022-yil davomida",
                    ["Kadrlar bo'yicha inspektor"], false, false, false),
            ]),
            new PlanDocumentSection("II", "ASOSIY ISHLAB CHIQARISH FAOLIYATI",
            [
                new PlanDocumentRow(2, "10", "Axborot-kutubxona fondlarini to'ldirish", "Nusxa jami", Measure.Count, 4379, 4000,
                    ["Axborot-kutubxona resurslarini qabul qilish va hisobga olish"], "2022 yil davomida",
                    ["Fondlarni to'ldirish, saqlash va ularga ishlov berish xizmati"], false, false, false),
                new PlanDocumentRow(3, "10.1", "Majburiy nusxa", "Nusxa", Measure.Count, 0, 0, ["Hududa chop etilgan nashrlar asosida"],
                    "2022 yil davomida", ["Fondlarni to'ldirish, saqlash va ularga ishlov berish xizmati"], false, true, true),
                new PlanDocumentRow(4, "10.3", "Kitob almashinuvi asosida", "Nusxa", Measure.Count, null, null, ["Hamkorlik shartnomasi asosida"],
                    "2022 yil davomida", ["Fondlarni to'ldirish, saqlash va ularga ishlov berish xizmati", "Axborot-bibliografiya xizmati"], false, true, false),
            ]),
            new PlanDocumentSection("V", "OAV BILAN ISHLASH",
            [
                new PlanDocumentRow(5, "42", "Pullik xizmatlar", "So'mda", Measure.Money, 1250000.5m, 1500000m, ["Reja asosida"],
                    "Har oyda", [], true, false, false),
            ]),
        ]);

    public static TheoryData<string> Languages => ["uz", "ru", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Reads_back_the_exported_plan(string language)
    {
        var (text, allServices) = Texts(language);
        var bytes = new ClosedXmlPlanWriter().Write(Document, text);

        var plan = Read(bytes);

        plan.Problems.Should().BeEmpty();
        plan.Title.Should().Be(Document.Title);
        plan.Agreement.Should().Be(new ImportedSignature(Document.Agreement.Title, Document.Agreement.Name, null));
        plan.Approval.Should().Be(new ImportedSignature(Document.Approval.Title, Document.Approval.Name, new DateOnly(2022, 1, 5)));
        plan.Sections.Select(s => (s.Label, s.Title)).Should().Equal(Document.Sections.Select(s => (s.Label, s.Title)));

        var read = plan.Sections.SelectMany(s => s.Rows).ToList();
        var written = Document.Rows.ToList();
        read.Should().HaveCount(written.Count);
        for (var i = 0; i < written.Count; i++)
        {
            var row = written[i];
            read[i].Should().BeEquivalentTo(
                new
                {
                    row.Number,
                    row.Name,
                    row.Unit,
                    Fact = row.PreviousFact,
                    row.Target,
                    row.Mechanism,
                    row.Deadline,
                    Services = row.AllServices ? new[] { allServices } : [.. row.Services],
                    ParentNumber = NumberLabel.ParentOf(row.Number),
                },
                options => options.WithStrictOrdering(),
                $"row {row.Number} in {language}");
        }
    }

    private static (PlanExportText Text, string AllServices) Texts(string language) => language switch
    {
        "ru" => (new PlanExportText(
            "СОГЛАСОВАНО", "УТВЕРЖДАЮ", "«____» ________ 2022 г.", "«5» января 2022 г.",
            "№", "Наименование", "Единица измерения", "Количество", "2021 г. (факт)", "2022 г. (план)",
            "Механизм реализации", "Срок исполнения", "Ответственные", "из них:", "Все службы", "ПРОЕКТ", "Страница", "План работы 2022"), "Все службы"),
        "en" => (new PlanExportText(
            "AGREED", "APPROVED", "\"____\" ________ 2022", "5 January 2022",
            "No.", "Name", "Unit", "Quantity", "2021 (actual)", "2022 (target)",
            "Implementation mechanism", "Deadline", "Responsible", "of which:", "All services", "DRAFT", "Page", "Work plan 2022"), "All services"),
        _ => (new PlanExportText(
            "KELISHILDI", "TASDIQLAYMAN", "2022 yil \"____\" ________", "2022 yil \"5\" yanvar",
            "№", "Nomi", "O'lchov birligi", "Miqdori", "2021 yil (fakt)", "2022 yil (reja)",
            "Amalga oshirish mexanizmi", "Bajarilish muddati", "Mas'ullar", "shundan,", "Barcha xizmatlar", "LOYIHA", "Sahifa", "Ish rejasi 2022"), "Barcha xizmatlar"),
    };
}
