using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace WorkPlan.Infrastructure.Identity;

/// <summary>
/// The key that encrypts the Data Protection keys (which protect sessions, antiforgery tokens and the stored
/// authenticator keys) before they are written to the database: 32 random bytes, base64, from configuration or
/// a secret store ("DataProtection:KeyEncryptionKey"; environment DataProtection__KeyEncryptionKey). Required in
/// every mode: the app refuses to start without it, so no key is ever kept unencrypted and none lives in the repository.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string Setting = "DataProtection:KeyEncryptionKey";

    private KeyEncryptionKey(byte[] bytes) => Bytes = bytes;

    internal byte[] Bytes { get; }

    public static KeyEncryptionKey FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Setting];
        byte[]? bytes = null;
        try
        {
            bytes = string.IsNullOrWhiteSpace(value) ? null : Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
        }

        return bytes is { Length: 32 }
            ? new KeyEncryptionKey(bytes)
            : throw new InvalidOperationException(
                $"'{Setting}' (environment DataProtection__KeyEncryptionKey) must be 32 random bytes in base64, e.g. the output of 'openssl rand -base64 32'. It encrypts the keys stored in the database; keep it in a secret store.");
    }
}

/// <summary>Encrypts a Data Protection key's XML with AES-256-GCM under <see cref="KeyEncryptionKey"/>.</summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[12 + 16 + plain.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Bytes, 16))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16));
        }

        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under DataProtection:KeyEncryptionKey "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="AesGcmXmlEncryptor"/> wrote (created by Data Protection with the app's services).</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetRequiredService<KeyEncryptionKey>();
        var sealedBytes = Convert.FromBase64String(encryptedElement.Element("value")!.Value);
        var plain = new byte[sealedBytes.Length - 28];
        using (var aes = new AesGcm(key.Bytes, 16))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
