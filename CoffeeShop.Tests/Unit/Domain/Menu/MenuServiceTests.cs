using CoffeeShop.Domain.Common;
using CoffeeShop.Domain.Menu;
using CoffeeShop.Domain.Menu.Options;
using CoffeeShop.Tests.TestSupport;
using Moq;

namespace CoffeeShop.Tests.Unit.Domain.Menu;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class MenuServiceTests
{
    private Mock<IMenuItemRepository> _repository = null!;
    private TestClock _clock = null!;
    private MenuService _service = null!;

    private Mock<IMenuChangeNotifier> _notifier = null!;

    [SetUp]
    public void SetUp()
    {
        _repository = new Mock<IMenuItemRepository>(MockBehavior.Strict);
        _clock = new TestClock();
        _notifier = new Mock<IMenuChangeNotifier>();
        _service = new MenuService(_repository.Object, Mock.Of<IOptionGroupRepository>(), _notifier.Object, _clock);
    }

    [TearDown]
    public void TearDown() => _repository.VerifyNoOtherCalls();

    [Test]
    public async Task GetAsync_ExistingId_ReturnsTheItem()
    {
        var item = new MenuItemBuilder().WithId(7).Build();
        _repository.Setup(r => r.FindAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(item);

        var found = await _service.GetAsync(7, CancellationToken.None);

        Assert.That(found, Is.SameAs(item));
        _repository.Verify(r => r.FindAsync(7, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void GetAsync_MissingId_ThrowsNotFound()
    {
        _repository.Setup(r => r.FindAsync(42, It.IsAny<CancellationToken>())).ReturnsAsync((MenuItem?)null);

        var ex = Assert.ThrowsAsync<NotFoundException>(() => _service.GetAsync(42, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("42"));
        _repository.Verify(r => r.FindAsync(42, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task CreateAsync_FreeTitle_AddsSavesAndStampsTheClock()
    {
        var details = new MenuItemBuilder().WithTitle("Latte").BuildDetails();
        var sequence = new MockSequence();
        _repository.InSequence(sequence).Setup(r => r.TitleExistsAsync(MenuCategory.Hot, "Latte", null, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _repository.InSequence(sequence).Setup(r => r.AddAsync(It.IsAny<MenuItem>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _repository.InSequence(sequence).Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var created = await _service.CreateAsync(details, CancellationToken.None);

        Assert.That((created.Title, created.CreatedAt, created.Version), Is.EqualTo(("Latte", _clock.GetUtcNow(), 1)));
        _repository.Verify(r => r.TitleExistsAsync(MenuCategory.Hot, "Latte", null, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.AddAsync(created, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void CreateAsync_DuplicateTitle_ThrowsConflictAndAddsNothing()
    {
        var details = new MenuItemBuilder().WithTitle("Latte").BuildDetails();
        _repository.Setup(r => r.TitleExistsAsync(MenuCategory.Hot, "Latte", null, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.ThrowsAsync<ConflictException>(() => _service.CreateAsync(details, CancellationToken.None));

        _repository.Verify(r => r.TitleExistsAsync(MenuCategory.Hot, "Latte", null, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.AddAsync(It.IsAny<MenuItem>(), It.IsAny<CancellationToken>()), Times.Never);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void CreateAsync_InvalidDetails_ThrowsValidationBeforeTouchingTheRepository()
    {
        var details = new MenuItemBuilder().WithPrice(100.01m).BuildDetails();

        var ex = Assert.ThrowsAsync<DomainValidationException>(() => _service.CreateAsync(details, CancellationToken.None));

        Assert.That(ex!.Key.ToString(), Is.EqualTo("Price"));
    }

    [Test]
    public async Task ReplaceAsync_CurrentVersion_ReplacesAndSaves()
    {
        var item = new MenuItemBuilder().WithId(3).WithTitle("Latte").Build();
        _repository.Setup(r => r.FindAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(item);
        _repository.Setup(r => r.TitleExistsAsync(MenuCategory.Hot, "Flat White", 3, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _repository.Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _clock.Advance(TimeSpan.FromMinutes(10));

        var replaced = await _service.ReplaceAsync(3, new MenuItemBuilder().WithTitle("Flat White").BuildDetails(), expectedVersion: 1, CancellationToken.None);

        Assert.That((replaced.Title, replaced.Version, replaced.UpdatedAt), Is.EqualTo(("Flat White", 2, _clock.GetUtcNow())));
        _repository.Verify(r => r.FindAsync(3, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.TitleExistsAsync(MenuCategory.Hot, "Flat White", 3, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ReplaceAsync_StaleExpectedVersion_ThrowsConcurrencyAndDoesNotSave()
    {
        var item = new MenuItemBuilder().WithId(3).WithTitle("Latte").Build();
        _repository.Setup(r => r.FindAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(item);

        Assert.ThrowsAsync<ConcurrencyException>(
            () => _service.ReplaceAsync(3, new MenuItemBuilder().WithTitle("Flat White").BuildDetails(), expectedVersion: 2, CancellationToken.None));

        Assert.That((item.Title, item.Version), Is.EqualTo(("Latte", 1)));
        _repository.Verify(r => r.FindAsync(3, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void ReplaceAsync_TitleTakenByAnotherItem_ThrowsConflictAndDoesNotSave()
    {
        var item = new MenuItemBuilder().WithId(3).WithTitle("Latte").Build();
        _repository.Setup(r => r.FindAsync(3, It.IsAny<CancellationToken>())).ReturnsAsync(item);
        _repository.Setup(r => r.TitleExistsAsync(MenuCategory.Hot, "Mocha", 3, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.ThrowsAsync<ConflictException>(
            () => _service.ReplaceAsync(3, new MenuItemBuilder().WithTitle("Mocha").BuildDetails(), expectedVersion: null, CancellationToken.None));

        _repository.Verify(r => r.FindAsync(3, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.TitleExistsAsync(MenuCategory.Hot, "Mocha", 3, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task SetAvailabilityAsync_NoExpectedVersion_ChangesAndSaves()
    {
        var item = new MenuItemBuilder().WithId(5).Build();
        _repository.Setup(r => r.FindAsync(5, It.IsAny<CancellationToken>())).ReturnsAsync(item);
        _repository.Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var changed = await _service.SetAvailabilityAsync(5, false, expectedVersion: null, CancellationToken.None);

        Assert.That((changed.IsAvailable, changed.Version), Is.EqualTo((false, 2)));
        _repository.Verify(r => r.FindAsync(5, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task DeleteAsync_ExistingItem_RemovesAndSaves()
    {
        var item = new MenuItemBuilder().WithId(9).Build();
        var sequence = new MockSequence();
        _repository.InSequence(sequence).Setup(r => r.FindAsync(9, It.IsAny<CancellationToken>())).ReturnsAsync(item);
        _repository.InSequence(sequence).Setup(r => r.Remove(item));
        _repository.InSequence(sequence).Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await _service.DeleteAsync(9, expectedVersion: 1, CancellationToken.None);

        _repository.Verify(r => r.FindAsync(9, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.Remove(item), Times.Once);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void DeleteAsync_MissingItem_ThrowsNotFoundAndRemovesNothing()
    {
        _repository.Setup(r => r.FindAsync(9, It.IsAny<CancellationToken>())).ReturnsAsync((MenuItem?)null);

        Assert.ThrowsAsync<NotFoundException>(() => _service.DeleteAsync(9, expectedVersion: null, CancellationToken.None));

        _repository.Verify(r => r.FindAsync(9, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.Remove(It.IsAny<MenuItem>()), Times.Never);
    }

    [Test]
    public async Task ListAsync_Query_PassesItToTheRepositoryUnchanged()
    {
        var query = new MenuItemQuery { Category = MenuCategory.Iced, Search = "milk", Page = 2, PageSize = 5 };
        var page = new PagedResult<MenuItem>([new MenuItemBuilder().Iced().Build()], 2, 5, 6);
        _repository.Setup(r => r.ListAsync(query, It.IsAny<CancellationToken>())).ReturnsAsync(page);

        var result = await _service.ListAsync(query, CancellationToken.None);

        Assert.That(result, Is.SameAs(page));
        _repository.Verify(r => r.ListAsync(query, It.IsAny<CancellationToken>()), Times.Once);
    }
}
