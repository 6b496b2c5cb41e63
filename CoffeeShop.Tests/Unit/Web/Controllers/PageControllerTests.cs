using CoffeeShop.Domain.Common;
using CoffeeShop.Tests.TestSupport;
using CoffeeShop.Web.Controllers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;

namespace CoffeeShop.Tests.Unit.Web.Controllers;

[Category(TestCategories.Unit)]
public sealed class PageControllerTests
{
    [Test]
    public void OnActionExecuted_NotFoundException_IsTheNotFoundResult()
    {
        using var controller = new SomePages();
        var context = Executed(controller, new NotFoundException("gone"));

        controller.OnActionExecuted(context);

        Assert.That(context.Result, Is.InstanceOf<NotFoundResult>());
        Assert.That(context.ExceptionHandled, Is.True);
    }

    [Test]
    public void OnActionExecuted_AnyOtherException_IsLeftToTheErrorPage()
    {
        using var controller = new SomePages();
        var context = Executed(controller, new ConflictException("clash"));

        controller.OnActionExecuted(context);

        Assert.That(context.ExceptionHandled, Is.False);
    }

    private static ActionExecutedContext Executed(Controller controller, Exception exception) =>
        new(new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor()), [], controller) { Exception = exception };

    private sealed class SomePages : PageController;
}
