namespace CoffeeShop.Web.Grpc;

/// <summary>The <c>Grpc</c> configuration section (docs/grpc.md, docs/operations.md).</summary>
public sealed class GrpcOptions
{
    public const string SectionName = "Grpc";

    public const string DefaultUrl = "http://localhost:5081";

    /// <summary>
    /// The cleartext HTTP/2 endpoint for native gRPC, beside the main port (<c>--urls</c>). Empty turns it off: gRPC
    /// is then served where the main port speaks HTTP/2 (with TLS), and gRPC-Web on the main port always.
    /// </summary>
    public string? Url { get; set; } = DefaultUrl;

    /// <summary>Server reflection (grpcurl, Postman). Null: on in Development only.</summary>
    public bool? EnableReflection { get; set; }
}
