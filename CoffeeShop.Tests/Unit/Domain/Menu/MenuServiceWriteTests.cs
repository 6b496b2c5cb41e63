using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;
using Moq;
using static CoffeeShop.Tests.Unit.Domain.Menu.MenuWriteTestData;

namespace CoffeeShop.Tests.Unit.Domain.Menu;

/// <summary>MenuService's write rules: duplicate titles, stale versions, and telling the notifier after each save.</summary>
[TestFixture]
[Category(TestCategories.Unit)]
public sealed class MenuServiceWriteTests
{
    private Mock<IMenuItemRepository> _repository = null!;
    private Mock<IMenuChangeNotifier> _notifier = null!;
    private Mock<TimeProvider> _clock = null!;
    private MenuService _service = null!;
    private List<string> _calls = null!;

    [SetUp]
    public void SetUp()
    {
        _calls = [];
        _repository = new Mock<IMenuItemRepository>();
        _notifier = new Mock<IMenuChangeNotifier>();
        _clock = new Mock<TimeProvider>();
        _clock.Setup(c => c.GetUtcNow()).Returns(Now.AddHours(1));
        _repository.Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("save")).Returns(Task.CompletedTask);
        _notifier.Setup(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("notify")).Returns(Task.CompletedTask);
        _service = new MenuService(_repository.Object, Mock.Of<IOptionGroupRepository>(), _notifier.Object, _clock.Object);
    }

    [Test]
    public void CreateAsync_DuplicateTitle_ThrowsConflictAndSavesNothing()
    {
        GivenTitleTaken();

        Assert.ThrowsAsync<ConflictException>(() => _service.CreateAsync(Details("Latte"), CancellationToken.None));

        _repository.Verify(r => r.AddAsync(It.IsAny<MenuItem>(), It.IsAny<CancellationToken>()), Times.Never);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _notifier.Verify(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void ReplaceAsync_TitleOfAnotherItem_ThrowsConflictAndSavesNothing()
    {
        GivenItem(Item(id: 7, title: "Latte"));
        _repository.Setup(r => r.TitleExistsAsync(MenuCategory.Hot, "Mocha", 7, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.ThrowsAsync<ConflictException>(() => _service.ReplaceAsync(7, Details("Mocha"), 1, CancellationToken.None));

        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _notifier.Verify(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void ReplaceAsync_StaleVersion_ThrowsConcurrencyAndLeavesTheItemAlone()
    {
        var item = GivenItem(Item(id: 7, title: "Latte", version: 3));

        Assert.ThrowsAsync<ConcurrencyException>(() => _service.ReplaceAsync(7, Details("Big Latte"), 2, CancellationToken.None));

        Assert.That(item.Title, Is.EqualTo("Latte"));
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _notifier.Verify(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void SetAvailabilityAsync_StaleVersion_ThrowsConcurrency()
    {
        GivenItem(Item(id: 7, version: 3));

        Assert.ThrowsAsync<ConcurrencyException>(() => _service.SetAvailabilityAsync(7, false, 1, CancellationToken.None));

        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void DeleteAsync_StaleVersion_ThrowsConcurrencyAndRemovesNothing()
    {
        GivenItem(Item(id: 7, version: 3));

        Assert.ThrowsAsync<ConcurrencyException>(() => _service.DeleteAsync(7, 2, CancellationToken.None));

        _repository.Verify(r => r.Remove(It.IsAny<MenuItem>()), Times.Never);
        _notifier.Verify(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task CreateAsync_Saved_NotifiesAfterTheSave()
    {
        await _service.CreateAsync(Details("Honey Latte"), CancellationToken.None);

        Assert.That(_calls, Is.EqualTo(new[] { "save", "notify" }));
    }

    [Test]
    public async Task ReplaceAsync_Saved_NotifiesAfterTheSave()
    {
        GivenItem(Item(id: 7, version: 1));

        await _service.ReplaceAsync(7, Details("Big Latte"), 1, CancellationToken.None);

        Assert.That(_calls, Is.EqualTo(new[] { "save", "notify" }));
    }

    [Test]
    public async Task SetAvailabilityAsync_Saved_NotifiesAfterTheSave()
    {
        GivenItem(Item(id: 7, version: 1));

        await _service.SetAvailabilityAsync(7, false, null, CancellationToken.None);

        Assert.That(_calls, Is.EqualTo(new[] { "save", "notify" }));
    }

    [Test]
    public async Task DeleteAsync_Saved_NotifiesAfterTheSave()
    {
        var item = GivenItem(Item(id: 7, version: 1));

        await _service.DeleteAsync(7, 1, CancellationToken.None);

        _repository.Verify(r => r.Remove(item), Times.Once);
        Assert.That(_calls, Is.EqualTo(new[] { "save", "notify" }));
    }

    [Test]
    public void ReplaceAsync_SaveRefusedForConcurrency_DoesNotNotify()
    {
        GivenItem(Item(id: 7, version: 1));
        _repository.Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyException("changed meanwhile"));

        Assert.ThrowsAsync<ConcurrencyException>(() => _service.ReplaceAsync(7, Details("Big Latte"), 1, CancellationToken.None));

        _notifier.Verify(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void ReplaceAsync_UnknownItem_ThrowsNotFound()
    {
        Assert.ThrowsAsync<NotFoundException>(() => _service.ReplaceAsync(404, Details(), null, CancellationToken.None));

        _notifier.Verify(n => n.MenuChangedAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    private MenuItem GivenItem(MenuItem item)
    {
        _repository.Setup(r => r.FindAsync(item.Id, It.IsAny<CancellationToken>())).ReturnsAsync(item);
        return item;
    }

    private void GivenTitleTaken() =>
        _repository.Setup(r => r.TitleExistsAsync(It.IsAny<MenuCategory>(), It.IsAny<string>(), It.IsAny<int?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
}
