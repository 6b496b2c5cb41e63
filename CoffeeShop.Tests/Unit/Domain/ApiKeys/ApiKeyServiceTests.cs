using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CoffeeShop.Domain.ApiKeys;
using CoffeeShop.Domain.Common;
using CoffeeShop.Tests.TestSupport;
using Moq;

namespace CoffeeShop.Tests.Unit.Domain.ApiKeys;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class ApiKeyServiceTests
{
    private Mock<IApiKeyRepository> _repository = null!;
    private TestClock _clock = null!;
    private ApiKeyService _service = null!;

    [SetUp]
    public void SetUp()
    {
        _repository = new Mock<IApiKeyRepository>(MockBehavior.Strict);
        _repository.Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _clock = new TestClock();
        _service = new ApiKeyService(_repository.Object, _clock);
    }

    [Test]
    public async Task CreateAsync_NewKey_ReturnsACsKeyWhosePrefixIsStored()
    {
        var (issued, stored) = await CreateAsync();

        Assert.That(issued.PlainKey, Does.Match("^cs_[A-Za-z0-9-]{8}_[A-Za-z0-9-]{43}$"));
        Assert.That(issued.PlainKey, Does.StartWith($"cs_{stored.Prefix}_"));
        _repository.Verify(r => r.AddAsync(stored, It.IsAny<CancellationToken>()), Times.Once);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task CreateAsync_NewKey_StoresOnlyTheSha256OfIt()
    {
        var (issued, stored) = await CreateAsync();

        var secret = issued.PlainKey.Split('_')[2];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.HashMatches(SHA256.HashData(Encoding.UTF8.GetBytes(issued.PlainKey))), Is.True, "the hash of the whole key");
            foreach (var text in StoredText(stored))
            {
                Assert.That(text, Does.Not.Contain(secret), "no stored field holds the secret");
            }
        }
    }

    [Test]
    public async Task CreateAsync_TwoKeys_DifferInPrefixAndSecret()
    {
        var (first, _) = await CreateAsync();
        var (second, _) = await CreateAsync();

        Assert.That(first.PlainKey.Split('_')[1], Is.Not.EqualTo(second.PlainKey.Split('_')[1]));
        Assert.That(first.PlainKey.Split('_')[2], Is.Not.EqualTo(second.PlainKey.Split('_')[2]));
    }

    [Test]
    public async Task CreateAsync_Stamp_IsTheClockAndTheCreator()
    {
        var (_, stored) = await CreateAsync(createdBy: "admin@test.local");

        Assert.That(stored.CreatedAt, Is.EqualTo(TestClock.DefaultStart));
        Assert.That(stored.CreatedBy, Is.EqualTo("admin@test.local"));
        Assert.That(stored.Role, Is.EqualTo("Customer"));
    }

    [Test]
    public async Task AuthenticateAsync_RightKey_SucceedsWithTheKey()
    {
        var (issued, stored) = await CreateAsync();
        FindByPrefixReturns(stored);

        var check = await _service.AuthenticateAsync(issued.PlainKey, CancellationToken.None);

        Assert.That(check.Succeeded, Is.True);
        Assert.That(check.Key, Is.SameAs(stored));
        _repository.Verify(r => r.FindByPrefixAsync(stored.Prefix, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task AuthenticateAsync_WrongSecretWithTheRightPrefix_Fails()
    {
        var (issued, stored) = await CreateAsync();
        FindByPrefixReturns(stored);
        var parts = issued.PlainKey.Split('_');
        var forged = $"cs_{parts[1]}_{new string(parts[2].Reverse().ToArray())}";

        var check = await _service.AuthenticateAsync(forged, CancellationToken.None);

        Assert.That(check.Succeeded, Is.False);
        Assert.That(stored.LastUsedAt, Is.Null, "a failed check records no use");
    }

    [Test]
    public async Task AuthenticateAsync_UnknownPrefix_Fails()
    {
        _repository.Setup(r => r.FindByPrefixAsync("unknown1", It.IsAny<CancellationToken>())).ReturnsAsync((ApiKey?)null);

        var check = await _service.AuthenticateAsync("cs_unknown1_secret", CancellationToken.None);

        Assert.That(check.Succeeded, Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("cs")]
    [TestCase("cs__secret")]
    [TestCase("cs_prefix_")]
    [TestCase("cs_prefix")]
    [TestCase("xx_prefix_secret")]
    [TestCase("cs_prefix_secret_extra")]
    [TestCase("Bearer cs_prefix_secret")]
    public async Task AuthenticateAsync_MalformedKey_FailsWithoutLookingItUp(string? presented)
    {
        var check = await _service.AuthenticateAsync(presented, CancellationToken.None);

        Assert.That(check.Succeeded, Is.False);
        _repository.Verify(r => r.FindByPrefixAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task AuthenticateAsync_RevokedKey_Fails()
    {
        var (issued, stored) = await CreateAsync();
        stored.Revoke(_clock.GetUtcNow());
        FindByPrefixReturns(stored);

        var check = await _service.AuthenticateAsync(issued.PlainKey, CancellationToken.None);

        Assert.That(check.Succeeded, Is.False);
    }

    [Test]
    public async Task AuthenticateAsync_RepeatedUse_ReportsTheFirstUseOnce()
    {
        var (issued, stored) = await CreateAsync();
        FindByPrefixReturns(stored);

        var first = await _service.AuthenticateAsync(issued.PlainKey, CancellationToken.None);
        var soonAfter = await _service.AuthenticateAsync(issued.PlainKey, CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var later = await _service.AuthenticateAsync(issued.PlainKey, CancellationToken.None);

        Assert.That(new[] { first.FirstUse, soonAfter.FirstUse, later.FirstUse }, Is.EqualTo(new[] { true, false, false }));
        Assert.That(stored.LastUsedAt, Is.EqualTo(_clock.GetUtcNow()), "the later use is recorded");
    }

    [Test]
    public async Task AuthenticateAsync_UsesWithinAMinute_AreWrittenBackOnce()
    {
        var (issued, stored) = await CreateAsync();
        FindByPrefixReturns(stored);
        _repository.Invocations.Clear();

        for (var i = 0; i < 5; i++)
        {
            await _service.AuthenticateAsync(issued.PlainKey, CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task RevokeAsync_KnownId_StampsTheClockAndSaves()
    {
        var (_, stored) = await CreateAsync();
        _repository.Setup(r => r.FindAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        _repository.Invocations.Clear();
        _clock.Advance(TimeSpan.FromMinutes(3));

        var revoked = await _service.RevokeAsync(7, CancellationToken.None);

        Assert.That(revoked.RevokedAt, Is.EqualTo(TestClock.DefaultStart.AddMinutes(3)));
        Assert.That(revoked.IsRevoked, Is.True);
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void RevokeAsync_UnknownId_ThrowsNotFound()
    {
        _repository.Setup(r => r.FindAsync(42, It.IsAny<CancellationToken>())).ReturnsAsync((ApiKey?)null);

        var thrown = Assert.ThrowsAsync<NotFoundException>(() => _service.RevokeAsync(42, CancellationToken.None));

        Assert.That(thrown!.Message, Does.Contain("42"));
        _repository.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    /// <summary>Creates a key through the service and returns it with the entity the repository was given.</summary>
    private async Task<(IssuedApiKey Issued, ApiKey Stored)> CreateAsync(string? createdBy = null)
    {
        ApiKey? stored = null;
        _repository.Setup(r => r.AddAsync(It.IsAny<ApiKey>(), It.IsAny<CancellationToken>()))
            .Callback<ApiKey, CancellationToken>((key, _) => stored = key)
            .Returns(Task.CompletedTask);

        var issued = await _service.CreateAsync("Till 1", "Customer", createdBy, CancellationToken.None);

        Assert.That(stored, Is.Not.Null, "the key was added to the repository");
        Assert.That(issued.Key, Is.SameAs(stored));
        return (issued, stored!);
    }

    private void FindByPrefixReturns(ApiKey key) =>
        _repository.Setup(r => r.FindByPrefixAsync(key.Prefix, It.IsAny<CancellationToken>())).ReturnsAsync(key);

    /// <summary>Every string and byte field the entity holds (what a repository would persist), byte arrays as text.</summary>
    private static IEnumerable<string> StoredText(ApiKey key) =>
        typeof(ApiKey).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Select(f => f.GetValue(key))
            .Select(v => v switch
            {
                string s => s,
                byte[] bytes => Encoding.UTF8.GetString(bytes) + Convert.ToBase64String(bytes),
                _ => string.Empty,
            });
}
