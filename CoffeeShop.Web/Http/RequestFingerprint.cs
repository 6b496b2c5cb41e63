using System.Security.Cryptography;
using System.Text.Json;

namespace CoffeeShop.Web.Http;

/// <summary>A stable hash of a parsed request, so an idempotent retry can be told from a different request.</summary>
internal static class RequestFingerprint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>SHA-256 (hex) of the value's JSON: the same fields and values give the same hash, however they were spaced.</summary>
    public static string Of<T>(T value) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, Json)));
}
