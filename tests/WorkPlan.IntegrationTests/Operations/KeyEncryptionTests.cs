using Microsoft.EntityFrameworkCore;
using WorkPlan.IntegrationTests.Infrastructure;

namespace WorkPlan.IntegrationTests.Operations;

/// <summary>The Data Protection keys in the database are encrypted with the key from configuration, which the app requires.</summary>
[Collection(DatabaseTests.Name)]
public sealed class KeyEncryptionTests(DatabaseFixture database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StoresTheDataProtectionKeysEncrypted()
    {
        await using var app = new WorkPlanFactory(database.ConnectionString);

        (await app.CreateClient().GetAsync("/Account/Login")).EnsureSuccessStatusCode();

        await using var db = database.CreateContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        keys.Should().NotBeEmpty();
        keys.Should().OnlyContain(x => x.Contains("<encryptedSecret", StringComparison.Ordinal) && !x.Contains("<masterKey", StringComparison.Ordinal),
            "the key material is stored only encrypted");
    }

    [Fact]
    public void RefusesToStart_WithoutTheKeyEncryptionKey()
    {
        using var app = new WorkPlanFactory(database.ConnectionString, settings: new Dictionary<string, string?> { ["DataProtection:KeyEncryptionKey"] = "" });

        var start = () => app.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*DataProtection:KeyEncryptionKey*");
    }
}
