using System.Globalization;
using System.Net;
using CoffeeShop.Tests.TestSupport;
using Grpc.Net.Client;
using V1 = CoffeeShop.Web.Grpc.V1;

namespace CoffeeShop.Tests.Integration.Grpc;

/// <summary>
/// The real app as a process, configured as by default but on free ports: the main port (from --urls) serves pages
/// over HTTP/1.1 and gRPC-Web, the second port (Grpc:Url) native gRPC over cleartext HTTP/2, and the log names both.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class GrpcPortTests
{
    [Test]
    public async Task Start_WithGrpcUrl_ServesPagesOnTheMainPortAndGrpcOnTheSecond()
    {
        using var database = new ScratchDatabase("grpc-ports");
        var grpcPort = AppProcess.FreePort();
        var grpcUrl = $"http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}";
        var settings = AppProcess.SharedSettings(database.Path);
        settings["Grpc__Url"] = grpcUrl;
        settings["Serilog__MinimumLevel__Default"] = "Information";

        await using var app = await AppProcess.StartAsync(settings, CancellationToken.None);
        using var page = await app.Client.GetAsync(new Uri("/menu", UriKind.Relative));
        using var channel = GrpcChannel.ForAddress(grpcUrl);
        var menu = await new V1.Menu.MenuClient(channel).ListMenuItemsAsync(new V1.ListMenuItemsRequest { PageSize = 5 });
        using var http1 = new HttpClient();
        using var pageOnGrpcPort = await http1.GetAsync(new Uri(grpcUrl + "/menu"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((page.StatusCode, page.Version), Is.EqualTo((HttpStatusCode.OK, HttpVersion.Version11)));
            Assert.That(menu.Items, Has.Count.EqualTo(5));
            Assert.That(menu.Items.Single(i => i.Title == "Latte").Sizes.Select(s => s.Code), Is.EqualTo(new[] { "small", "medium", "large" }));
            Assert.That(menu.Items.Single(i => i.Title == "Latte").OptionGroups.Select(g => g.Code), Is.EqualTo(new[] { "milk", "extra-shots", "syrups", "sweetener" }));
            Assert.That(pageOnGrpcPort.IsSuccessStatusCode, Is.False, "the gRPC port speaks HTTP/2 only");
            Assert.That(app.Output, Does.Contain("gRPC").And.Contain(grpcUrl), "the start-up log names the gRPC URL");
            Assert.That(app.Output, Does.Contain(app.BaseAddress.ToString().TrimEnd('/') + "/"), "and the site's");
        }
    }
}
