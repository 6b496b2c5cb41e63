using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CoffeeShop.Web.ScaleOut;

/// <summary>
/// SignalR's Redis backplane (<see cref="RedisHubLifetimeManager{THub}"/>) with a local fallback. With Redis there, every
/// send goes through the backplane, which reaches the connections of every instance (this one's included, by its own
/// subscriptions). The backplane alone would silence this instance's own connections while Redis is away (its sends are
/// Redis publishes, and its local delivery is Redis subscriptions), so every connection and group is also tracked by
/// a <see cref="DefaultHubLifetimeManager{THub}"/>, which takes the sends while Redis is away or when a publish fails:
/// this instance's listeners keep hearing this instance's changes. Each send goes one way or the other, never both,
/// so a connection gets a message once.
/// <para>
/// A connection opened (or a group joined) while Redis was away is known to the local manager only. When Redis can
/// take subscriptions again (<see cref="RedisConnection.SubscriptionsAvailable"/>) every connection of this instance
/// joins the backplane afresh with its groups (retried until all are in): those opened in the outage, and the others,
/// whose subscriptions the client would otherwise renew only some time later. In the moment before that, a
/// connection misses what the backplane carries, as every listener misses what was sent while Redis was away (pages
/// re-read on reconnect; event streams resume with Last-Event-ID).
/// </para>
/// </summary>
internal sealed partial class RedisBackplaneHubLifetimeManager<THub> : HubLifetimeManager<THub>, IDisposable
    where THub : Hub
{
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);
    private readonly Lock _membersGate = new();
    private readonly DefaultHubLifetimeManager<THub> _local;
    private readonly RedisConnection _redis;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly TimeSpan _retry;
    private readonly SemaphoreSlim _rejoinGate = new(1, 1);
    private RedisHubLifetimeManager<THub>? _backplane;
    private object? _backplaneLock;
    private int _fellBack;

    public RedisBackplaneHubLifetimeManager(
        RedisConnection redis, IOptions<RedisOptions> options, IServiceProvider services, ILogger<RedisBackplaneHubLifetimeManager<THub>> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _redis = redis;
        _retry = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.ReconnectMilliseconds));
        _services = services;
        _logger = logger;
        _local = new DefaultHubLifetimeManager<THub>(services.GetRequiredService<ILogger<DefaultHubLifetimeManager<THub>>>());
        redis.SubscriptionsAvailable += (_, _) => _ = RejoinAllAsync();
    }

    /// <summary>
    /// Made when first needed with Redis there (so its own channels subscribe at once), on the app's one connection.
    /// It is never disposed: disposing it would close that connection, which <see cref="RedisConnection"/> owns.
    /// </summary>
    private RedisHubLifetimeManager<THub> Backplane => LazyInitializer.EnsureInitialized(ref _backplane, ref _backplaneLock, () => new RedisHubLifetimeManager<THub>(
        new WithoutConnectionEvents(_services.GetRequiredService<ILogger<RedisHubLifetimeManager<THub>>>()),
        _services.GetRequiredService<IOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>>(),
        _services.GetRequiredService<IHubProtocolResolver>(),
        _services.GetRequiredService<IOptions<HubOptions>>(),
        _services.GetRequiredService<IOptions<HubOptions<THub>>>()));

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await _local.OnConnectedAsync(connection);
        var member = new Member(connection);
        lock (_membersGate)
        {
            _members[connection.ConnectionId] = member;
        }

        await JoinAsync(member);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await _local.OnDisconnectedAsync(connection);
        Member? member;
        lock (_membersGate)
        {
            _members.Remove(connection.ConnectionId, out member);
        }

        if (member is null)
        {
            return;
        }

        await member.Gate.WaitAsync();
        try
        {
            member.Gone = true;
            if (member.InBackplane)
            {
                await Quietly(() => Backplane.OnDisconnectedAsync(connection));
            }
        }
        finally
        {
            member.Gate.Release();
        }
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await _local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        await ChangeGroupAsync(connectionId, groupName, add: true, cancellationToken);
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await _local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        await ChangeGroupAsync(connectionId, groupName, add: false, cancellationToken);
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(manager => manager.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(manager => manager.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(manager => manager.SendConnectionAsync(connectionId, methodName, args, cancellationToken));

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(manager => manager.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(manager => manager.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(manager => manager.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    /// <summary>Group by group, so a publish that fails falls back for its own group only (the others have theirs already).</summary>
    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupNames);
        return Task.WhenAll(groupNames.Select(group => SendGroupAsync(group, methodName, args, cancellationToken)));
    }

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(manager => manager.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(manager => manager.SendUsersAsync(userIds, methodName, args, cancellationToken));

    // Client results (the hub uses none) stay on this instance, where the connection is.
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        _local.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        _local.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        _local.TryGetReturnType(invocationId, out type);

    /// <summary>Leaves the backplane undisposed: disposing it would close the app's connection, which RedisConnection owns.</summary>
    public void Dispose() => _rejoinGate.Dispose();

    private static bool IsRedisFailure(Exception exception) => exception is RedisException or TimeoutException;

    /// <summary>A backplane call whose failure only means "not joined": the member joins again when Redis is back.</summary>
    private static async Task<bool> Quietly(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            return false;
        }
    }

    private async Task SendAsync(Func<HubLifetimeManager<THub>, Task> send)
    {
        if (_redis.IsAvailable)
        {
            try
            {
                await send(Backplane);
                Interlocked.Exchange(ref _fellBack, 0);
                return;
            }
            catch (Exception ex) when (IsRedisFailure(ex))
            {
                if (Interlocked.Exchange(ref _fellBack, 1) == 0)
                {
                    LogFellBack(_logger, ex.GetType().Name);
                }
            }
        }

        await send(_local);
    }

    private async Task ChangeGroupAsync(string connectionId, string groupName, bool add, CancellationToken cancellationToken)
    {
        Member? member;
        lock (_membersGate)
        {
            member = _members.GetValueOrDefault(connectionId);
        }

        if (member is null)
        {
            return; // not a connection of this instance (the hub only ever changes its own caller's groups)
        }

        await member.Gate.WaitAsync(cancellationToken);
        try
        {
            var changed = add ? member.Groups.Add(groupName) : member.Groups.Remove(groupName);
            if (changed && member.Joined)
            {
                member.Joined = _redis.IsAvailable && await Quietly(() => add
                    ? Backplane.AddToGroupAsync(connectionId, groupName, cancellationToken)
                    : Backplane.RemoveFromGroupAsync(connectionId, groupName, cancellationToken));
            }
        }
        finally
        {
            member.Gate.Release();
        }

        if (!member.Joined)
        {
            await JoinAsync(member);
        }
    }

    /// <summary>
    /// Puts a member on the backplane with all its groups, if Redis is there and it is not on it yet (or
    /// <paramref name="afresh"/>). A member on it already, or left half on it by a failure, is taken off first, which
    /// also drops its channels' subscriptions (when it was their last listener here) so they are made again.
    /// </summary>
    /// <returns>True when this call put the member on the backplane.</returns>
    private async Task<bool> JoinAsync(Member member, bool afresh = false)
    {
        if (!_redis.IsAvailable)
        {
            return false;
        }

        await member.Gate.WaitAsync();
        try
        {
            if (member.Gone || (member.Joined && !afresh))
            {
                return false;
            }

            var backplane = Backplane;
            if (member.InBackplane)
            {
                member.InBackplane = false;
                await Quietly(() => backplane.OnDisconnectedAsync(member.Connection));
            }

            member.InBackplane = true;
            var joined = await Quietly(() => backplane.OnConnectedAsync(member.Connection));
            foreach (var group in member.Groups)
            {
                joined = joined && await Quietly(() => backplane.AddToGroupAsync(member.Connection.ConnectionId, group));
            }

            member.Joined = joined;
            return joined;
        }
        finally
        {
            member.Gate.Release();
        }
    }

    /// <summary>
    /// Once Redis takes subscriptions again, every member joins the backplane afresh: those that connected or changed
    /// groups while it was away, and the others too, whose subscriptions the client would renew only some time later.
    /// Members that cannot join yet (the subscription connection not quite back) are tried again every
    /// <see cref="RedisOptions.ReconnectMilliseconds"/> while Redis is there; one pass at a time.
    /// </summary>
    private async Task RejoinAllAsync()
    {
        try
        {
            await _rejoinGate.WaitAsync();
            try
            {
                var afresh = true;
                while (true)
                {
                    Member[] members;
                    lock (_membersGate)
                    {
                        members = [.. _members.Values];
                    }

                    var joined = 0;
                    foreach (var member in members)
                    {
                        joined += await JoinAsync(member, afresh) ? 1 : 0;
                    }

                    if (joined > 0)
                    {
                        LogRejoined(_logger, joined);
                    }

                    if (!_redis.IsAvailable || members.All(m => m.Joined || m.Gone))
                    {
                        return; // all in, or Redis away again (its return starts another pass)
                    }

                    afresh = false;
                    await Task.Delay(_retry);
                }
            }
            finally
            {
                _rejoinGate.Release();
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(LogLevel.Information, "Live connections joined the SignalR backplane again after Redis came back ({Count})")]
    private static partial void LogRejoined(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "A hub message could not go through Redis ({Failure}); sending to this instance's connections only until it can")]
    private static partial void LogFellBack(ILogger logger, string failure);

    /// <summary>One connection of this instance: its groups, and whether the backplane knows it with all of them.</summary>
    private sealed class Member(HubConnectionContext connection)
    {
        public HubConnectionContext Connection { get; } = connection;

        /// <summary>Serialises this connection's backplane calls (group changes, joining, leaving).</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public HashSet<string> Groups { get; } = new(StringComparer.Ordinal);

        /// <summary>The backplane was told of the connection (it may hold some state of it).</summary>
        public bool InBackplane { get; set; }

        /// <summary>The backplane has the connection with every group: it hears what the backplane carries.</summary>
        public bool Joined { get; set; }

        public bool Gone { get; set; }
    }

    /// <summary>
    /// The backplane's logger without its connection events: <see cref="RedisConnection"/> logs each outage and
    /// recovery once for the whole app, where the backplane would log an error per failed connection besides.
    /// </summary>
    private sealed class WithoutConnectionEvents(ILogger inner) : ILogger<RedisHubLifetimeManager<THub>>
    {
        // RedisLog: 7 not connected, 8 connection restored, 9 connection failed.
        private static readonly int[] Dropped = [7, 8, 9];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!Dropped.Contains(eventId.Id))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
