using System.IO.Compression;
using System.Text;
using WorkPlan.Core.Reports;
using WorkPlan.Infrastructure.Import;
using static WorkPlan.IntegrationTests.Import.ImportWorkbooks;

namespace WorkPlan.IntegrationTests.Import;

/// <summary>Broken, hostile and wrong files: each gives its error, no sections, and nothing is thrown.</summary>
public class XlsxPlanImportProblemTests
{
    private const long MB = 1024 * 1024;

    private static void ShouldFail(ImportedPlan plan, string key, int sheetRow = 0, params string[] arguments)
    {
        plan.Sections.Should().BeEmpty();
        plan.CanBeImported.Should().BeFalse();
        var problem = plan.Problems.Should().ContainSingle(p => p.IsError && p.MessageKey == key, $"the file should give {key}").Subject;
        problem.SheetRow.Should().Be(sheetRow);
        if (arguments.Length > 0)
        {
            problem.Arguments.Should().Equal(arguments);
        }
    }

    // ---- The file itself ----------------------------------------------------------------------

    [Fact]
    public void Refuses_a_text_file_named_xlsx()
    {
        var csv = Encoding.UTF8.GetBytes("№;Nomi;2021 yil (fakt);2022 yil (reja)\n1;Tadbirlar;2;2\n");

        ShouldFail(Read(csv), "Import.NotXlsx");
    }

    [Fact]
    public void Refuses_an_old_binary_xls_file()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]];

        ShouldFail(Read(xls), "Import.OldExcel");
    }

    [Fact]
    public void Refuses_an_empty_file()
    {
        ShouldFail(Read([]), "Import.NotXlsx");
    }

    [Fact]
    public void Refuses_a_zip_without_a_workbook()
    {
        var zip = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>"));

        ShouldFail(Read(zip), "Import.NotXlsx");
    }

    [Fact]
    public void Reports_a_damaged_zip_as_unreadable()
    {
        var bytes = Workbook(sheet => OfficialHeader(sheet, 1));
        var truncated = bytes[..(bytes.Length / 2)];

        ShouldFail(Read(truncated), "Import.Unreadable");
    }

    [Fact]
    public void Reports_a_workbook_closedxml_cannot_open_as_unreadable()
    {
        var zip = Zip(("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"), ("xl/workbook.xml", "not xml at all"));

        ShouldFail(Read(zip), "Import.Unreadable");
    }

    [Fact]
    public void Refuses_a_worksheet_with_a_document_type_definition()
    {
        var bytes = Workbook(sheet => OfficialHeader(sheet, 1));
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";

        ShouldFail(Read(WithEntries(bytes, ("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(laughs)))), "Import.Unreadable");
    }

    [Fact]
    public void Refuses_a_file_over_10_MB_by_its_length_without_reading_it()
    {
        ShouldFail(new XlsxPlanImportReader().Read(new UnreadableStream(), 50 * MB), "Import.TooLarge", 0, "10");
    }

    [Fact]
    public void Refuses_11_MB_of_junk()
    {
        var junk = new byte[11 * MB];
        new Random(42).NextBytes(junk);
        junk[0] = 0x50;
        junk[1] = 0x4B;
        junk[2] = 0x03;
        junk[3] = 0x04;

        ShouldFail(new XlsxPlanImportReader().Read(new MemoryStream(junk), junk.Length), "Import.TooLarge", 0, "10");
    }

    [Fact]
    public void Refuses_11_MB_even_when_the_declared_length_is_small()
    {
        var junk = new byte[11 * MB];

        ShouldFail(new XlsxPlanImportReader().Read(new MemoryStream(junk), 1_000), "Import.TooLarge", 0, "10");
    }

    [Fact]
    public void Refuses_a_zip_bomb()
    {
        var path = Path.Combine(Path.GetTempPath(), $"workplan-bomb-{Guid.NewGuid():N}.xlsx");
        try
        {
            ZerosZip(path, "xl/worksheets/sheet1.xml", megabytes: 200);
            new FileInfo(path).Length.Should().BeLessThan(MB, "200 MB of zeros compress to some 200 KB");

            using var file = File.OpenRead(path);
            ShouldFail(new XlsxPlanImportReader().Read(file, file.Length), "Import.ZipBomb");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_a_zip_bomb_that_lies_about_its_size()
    {
        // 120 MB of zeros declared as 1,000 bytes: the declared sizes pass, the real inflation does not.
        var path = Path.Combine(Path.GetTempPath(), $"workplan-bomb-{Guid.NewGuid():N}.xlsx");
        try
        {
            ZerosZip(path, "xl/media/image1.png", megabytes: 120);
            var zip = File.ReadAllBytes(path);
            LieAboutSize(zip, "xl/media/image1.png", 1_000);
            using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
            {
                archive.GetEntry("xl/media/image1.png")!.Length.Should().Be(1_000);
            }

            var plan = Read(zip);

            plan.Sections.Should().BeEmpty();
            plan.Problems.Should().ContainSingle().Which.MessageKey.Should().Be("Import.ZipBomb");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_a_zip_with_too_many_entries()
    {
        var entries = Enumerable.Range(0, 1_001).Select(i => ($"xl/media/{i}.txt", "x")).ToList();
        entries.Add(("[Content_Types].xml", "<Types/>"));
        entries.Add(("xl/workbook.xml", "<workbook/>"));

        ShouldFail(Read(Zip([.. entries])), "Import.ZipBomb");
    }

    [Fact]
    public void Refuses_a_sheet_with_more_than_5000_rows()
    {
        var bytes = Workbook(sheet =>
        {
            OfficialHeader(sheet, 1);
            Row(sheet, 3, "I. ILMIY-METODIK FAOLIYAT");
            for (var row = 4; row <= 5_004; row++)
            {
                Row(sheet, row, row - 3, $"Ko'rsatkich {row - 3}", "Dona", 1, 2);
            }
        });

        ShouldFail(Read(bytes), "Import.TooManyRows", 0, "5000");
    }

    // ---- The table ----------------------------------------------------------------------------

    [Fact]
    public void Reports_the_required_columns_it_cannot_find()
    {
        var bytes = Workbook(sheet =>
        {
            Row(sheet, 1, "№", "Nomi", "Birligi", "Soni", "Mas'ullar");
            Row(sheet, 2, "I. ILMIY-METODIK FAOLIYAT");
            Row(sheet, 3, 1, "Monitoring", "hujjat", 2, "Axborot-bibliografiya xizmati");
        });

        ShouldFail(Read(bytes), "Import.MissingColumns", 1, "fakt, reja");
    }

    [Fact]
    public void Reports_missing_columns_when_no_sheet_has_the_table_header()
    {
        var bytes = Workbook(sheet => Row(sheet, 1, "Ism", "Familiya", "Telefon"));

        ShouldFail(Read(bytes), "Import.MissingColumns", 0, "№, Nomi, fakt, reja");
    }

    [Fact]
    public void Reports_text_in_a_number_cell_with_its_row_and_cell()
    {
        var bytes = SimpleForm(
            [1, "Monitoring", "hujjat", 2, 4],
            [2, "Tadbirlar", "Tadbir", "ko'p", 10]);

        ShouldFail(Read(bytes), "Import.NotANumber", 5, "ko'p", "D5");
    }

    [Fact]
    public void Reports_numbers_run_together_as_not_a_number()
    {
        // The seed's row 15 "11340 3531": two values in one cell, not eleven million.
        var bytes = SimpleForm([15, "Foydalanuvchilarni ro'yxatga olish", "Nafar", "11340 3531", "14000 2660"]);

        var plan = Read(bytes);

        plan.Sections.Should().BeEmpty();
        plan.Problems.Select(p => (p.SheetRow, p.MessageKey, p.Arguments[1])).Should().Equal(
            (4, "Import.NotANumber", "D4"), (4, "Import.NotANumber", "E4"));
    }

    [Fact]
    public void Reports_a_negative_quantity()
    {
        var bytes = SimpleForm([1, "Monitoring", "hujjat", 2, -4]);

        ShouldFail(Read(bytes), "Import.Negative", 4, "-4", "E4");
    }

    [Fact]
    public void Reports_a_duplicate_number()
    {
        var bytes = SimpleForm(
            [1, "Monitoring", "hujjat", 2, 4],
            ["2", "Tadbirlar", "Tadbir", 3, 5],
            ["2.", "Yana tadbirlar", "Tadbir", 3, 5]);

        ShouldFail(Read(bytes), "Import.DuplicateNumber", 6, "2", "5");
    }

    [Fact]
    public void Reports_a_sub_row_without_its_parent()
    {
        var bytes = SimpleForm(
            [4, "Monitoring", "hujjat", 2, 4],
            ["5.1.", "Majburiy nusxa", "Nusxa", 0, 0]);

        ShouldFail(Read(bytes), "Import.MissingParent", 5, "5.1", "5");
    }

    [Fact]
    public void Reports_a_number_without_a_name()
    {
        var bytes = SimpleForm([1, null, "hujjat", 2, 4]);

        ShouldFail(Read(bytes), "Import.MissingName", 4, "1");
    }

    [Fact]
    public void Reports_a_header_without_rows()
    {
        var bytes = Workbook(sheet => OfficialHeader(sheet, 1));

        ShouldFail(Read(bytes), "Import.NoRows");
    }

    [Fact]
    public void Reports_rows_without_a_section()
    {
        var bytes = Workbook(sheet =>
        {
            OfficialHeader(sheet, 1);
            Row(sheet, 3, 1, "Monitoring", "hujjat", 2, 4);
        });

        var plan = Read(bytes);

        plan.Sections.Should().BeEmpty();
        plan.Problems.Select(p => p.MessageKey).Should().BeEquivalentTo("Import.RowOutsideSection", "Import.NoRows");
    }

    [Fact]
    public void Reports_an_unrecognised_row_in_the_middle_of_the_table()
    {
        var bytes = SimpleForm(
            [1, "Monitoring", "hujjat", 2, 4],
            [null, "Raqamsiz qator", "hujjat", 2, 4],
            [3, "Tadbirlar", "Tadbir", 3, 5]);

        ShouldFail(Read(bytes), "Import.UnexpectedRow", 5, "Raqamsiz qator");
    }
    [Fact]
    public void Never_throws_for_damaged_copies_of_a_good_workbook()
    {
        var good = SimpleForm([1, "Monitoring", "hujjat", 2, 4], ["1.1", "Shundan", "hujjat", 1, 2]);
        var random = new Random(7);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var damaged = (byte[])good.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            var read = () => Read(damaged);

            var plan = read.Should().NotThrow($"attempt {attempt}").Subject;
            (plan.CanBeImported || plan.Problems.Any(p => p.IsError)).Should().BeTrue();
        }
    }
}
