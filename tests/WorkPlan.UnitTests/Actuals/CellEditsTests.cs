using WorkPlan.Core.Actuals;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Actuals;

/// <summary>What a posted cell asks for and what is wrong with it: the one rule of the grid's save and the Excel upload's preview.</summary>
public class CellEditsTests
{
    [Theory]
    [InlineData("9 120", "9120", false)]
    [InlineData("9120", "9 120", false)]
    [InlineData("9121", "9120", true)]
    [InlineData("", "9120", true)]
    [InlineData("", null, false)]
    public void WritesOnlyACellChangedFromWhatThePageOrTheFileShowed(string typed, string? shown, bool writes)
    {
        var cell = new CellInput(1, typed, null, 7) { Shown = shown };

        CellEdits.IntentOf(Measure.Count, cell).Should().Be(writes ? CellEdits.Intent.Write : CellEdits.Intent.Leave);
    }

    [Theory]
    [InlineData("o'n ikki", "Editor.NotANumber")]
    [InlineData("-5", "Validation.Negative")]
    [InlineData("12.5", "Validation.WholeNumber")]
    public void NamesWhatIsWrongWithTheValue_OnTheCellsField(string typed, string key)
    {
        var errors = CellEdits.Check(Measure.Count, new CellInput(42, typed, null, null), out _);

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Field = "cell-42", MessageKey = key });
    }

    [Fact]
    public void RefusesANoteLongerThanTheLimit_OnTheNotesField()
    {
        var errors = CellEdits.Check(Measure.Count, new CellInput(42, "5", new string('a', ActualsService.NoteLength + 1), null), out var value);

        value.Should().Be(5);
        errors.Should().ContainSingle().Which.Field.Should().Be("note-42");
    }
}
