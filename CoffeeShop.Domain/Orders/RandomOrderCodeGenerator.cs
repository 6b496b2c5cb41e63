using System.Buffers.Text;
using System.Security.Cryptography;

namespace CoffeeShop.Domain.Orders;

/// <summary>Order codes of 16 bytes from the operating system's CSPRNG, base64url-encoded (22 characters).</summary>
/// <remarks>
/// It lives in the domain, not in Data: it needs only the BCL, does no I/O and reads no settings, and the
/// "unguessable, at least 128 bits" rule is a domain rule that should sit next to the code that keeps it.
/// The code is the only thing guarding a guest's order page, so it must come from a CSPRNG, never Random.
/// </remarks>
public sealed class RandomOrderCodeGenerator : IOrderCodeGenerator
{
    public const int RandomBytes = 16;

    public string NewCode()
    {
        Span<byte> bytes = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
