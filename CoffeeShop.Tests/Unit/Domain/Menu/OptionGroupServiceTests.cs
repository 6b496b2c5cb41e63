using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;
using Moq;
using static CoffeeShop.Tests.Unit.Domain.Orders.DrinkTestData;

namespace CoffeeShop.Tests.Unit.Domain.Menu;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class OptionGroupServiceTests
{
    private Mock<IOptionGroupRepository> _groups = null!;
    private Mock<IMenuItemRepository> _menu = null!;
    private Mock<IMenuChangeNotifier> _notifier = null!;
    private OptionGroupService _service = null!;

    [SetUp]
    public void SetUp()
    {
        _groups = new Mock<IOptionGroupRepository>();
        _menu = new Mock<IMenuItemRepository>();
        _notifier = new Mock<IMenuChangeNotifier>();
        _groups.Setup(g => g.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Milk(), Shots()]);
        _groups.Setup(g => g.FindAsync("milk", It.IsAny<CancellationToken>())).ReturnsAsync(Milk);
        _service = new OptionGroupService(_groups.Object, _menu.Object, _notifier.Object, new TestClock());
    }

    [Test]
    public async Task CreateAsync_NewCodes_SavesAndTellsTheMenu()
    {
        var group = await _service.CreateAsync("syrups", Syrups().Details, CancellationToken.None);

        Assert.That(group.Code, Is.EqualTo("syrups"));
        _groups.Verify(g => g.AddAsync(group, It.IsAny<CancellationToken>()), Times.Once);
        _groups.Verify(g => g.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        _notifier.Verify(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void CreateAsync_ExistingGroupCode_IsAConflict()
    {
        Assert.ThrowsAsync<ConflictException>(() => _service.CreateAsync("milk", Syrups().Details, CancellationToken.None));
        VerifyNothingSaved();
    }

    [Test]
    public void CreateAsync_OptionCodeOfAnotherGroup_IsAConflictNamingTheOwner()
    {
        var details = Syrups().Details with { MaxSelected = 1, Options = [new MenuOption("oat-milk", "Oat", 0.5m)] };

        var ex = Assert.ThrowsAsync<ConflictException>(() => _service.CreateAsync("syrups", details, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("oat-milk").And.Contain("milk"));
        VerifyNothingSaved();
    }

    [Test]
    public async Task ReplaceAsync_ItsOwnOptionCodes_AreNotAConflict()
    {
        var group = await _service.ReplaceAsync("milk", Milk().Details with { Name = "Milks" }, 1, CancellationToken.None);

        Assert.That((group.Name, group.Version), Is.EqualTo(("Milks", 2)));
        _notifier.Verify(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ReplaceAsync_StaleVersion_IsAConcurrencyFailure()
    {
        Assert.ThrowsAsync<ConcurrencyException>(() => _service.ReplaceAsync("milk", Milk().Details, 7, CancellationToken.None));
        VerifyNothingSaved();
    }

    [Test]
    public void GetAsync_UnknownCode_IsNotFound()
    {
        Assert.ThrowsAsync<NotFoundException>(() => _service.GetAsync("nope", CancellationToken.None));
    }

    [Test]
    public void DeleteAsync_GroupAnItemOffers_IsAConflict()
    {
        _menu.Setup(m => m.AnyOffersOptionGroupAsync("milk", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.ThrowsAsync<ConflictException>(() => _service.DeleteAsync("milk", null, CancellationToken.None));
        _groups.Verify(g => g.Remove(It.IsAny<OptionGroup>()), Times.Never);
        VerifyNothingSaved();
    }

    [Test]
    public async Task DeleteAsync_UnusedGroup_RemovesAndTellsTheMenu()
    {
        await _service.DeleteAsync("milk", 1, CancellationToken.None);

        _groups.Verify(g => g.Remove(It.Is<OptionGroup>(x => x.Code == "milk")), Times.Once);
        _notifier.Verify(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    private void VerifyNothingSaved()
    {
        _groups.Verify(g => g.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _notifier.Verify(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}
