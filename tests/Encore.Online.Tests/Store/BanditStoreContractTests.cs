using Encore.Online.Store;
using Microsoft.Extensions.Time.Testing;

namespace Encore.Online.Tests.Store;

/// <summary>The bandit tables' contract (<see cref="IBanditStore"/>), once per store kind of <see cref="TestStores.Kinds"/>.</summary>
public sealed class BanditStoreContractTests
{
    public static TheoryData<string> Kinds => TestStores.Kinds();

    private static BanditChoiceRecord Choice(string user, string track, float first = 0.5f, long served = 1_000) => new()
    {
        User = user,
        Space = "audio:3+bias",
        Track = track,
        Vector = [first, -0.25f, 0.125f, 1f],
        Policy = "linucb(alpha=1)",
        Value = 0.25f,
        Uncertainty = 1.5f,
        PoolSize = 7,
        Round = 2,
        ServedMs = served,
    };

    // A stand-in update: counts the reward into a 4-wide state whose arrays carry recognisable values.
    private static BanditStateRecord Count(BanditStateRecord? current, BanditChoiceRecord choice, double reward)
    {
        var updates = (current?.Updates ?? 0) + 1;
        var inverse = new double[16];
        for (var i = 0; i < 16; i++) inverse[i] = i / 3.0 + updates;
        double[] b = [.. choice.Vector.Select(v => (double)v * reward + updates)];
        return new BanditStateRecord(choice.User, choice.Space, 4, 0.5, inverse, b, updates, (current?.RewardSum ?? 0) + reward, 0);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Bandits_EmptyStore_NoStateNoChoicesNoUsers(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline();
        Assert.Null(sut.Bandits.LoadState("u", "audio:3+bias"));
        Assert.Empty(sut.Bandits.Choices("u", 10));
        Assert.Empty(sut.Bandits.Users(10));
        Assert.Null(sut.Bandits.ApplyReward("u", "t", 1, "like", (c, x) => Count(c, x, 1)));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Bandits_RecordChoice_RoundTripsEveryFieldOldestFirst(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline();
        var first = sut.Bandits.RecordChoice(Choice("u", "t1"));
        var second = sut.Bandits.RecordChoice(Choice("u", "t2", served: 2_000));
        sut.Bandits.RecordChoice(Choice("other", "t1"));
        Assert.True(second.Id > first.Id && first.Id > 0);
        var stored = sut.Bandits.Choices("u", 10);
        Assert.Equal(["t1", "t2"], stored.Select(c => c.Track));
        var got = stored[0];
        Assert.Equal(first.Id, got.Id);
        Assert.Equal((first.User, first.Space, first.Policy, first.Value, first.Uncertainty, first.PoolSize, first.Round, first.ServedMs),
            (got.User, got.Space, got.Policy, got.Value, got.Uncertainty, got.PoolSize, got.Round, got.ServedMs));
        Assert.Equal(first.Vector, got.Vector);
        Assert.Null(got.Reward);
        Assert.Null(got.Feedback);
        Assert.Null(got.RewardedMs);
        Assert.Equal(["t2"], sut.Bandits.Choices("u", 1).Select(c => c.Track));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Bandits_ApplyReward_RewardsNewestUnrewardedChoiceAndStoresStateExactly(string kind)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(clock);
        var older = sut.Bandits.RecordChoice(Choice("u", "t1", first: 0.1f));
        var newer = sut.Bandits.RecordChoice(Choice("u", "t1", first: 0.9f));
        BanditChoiceRecord? seen = null;
        var state = sut.Bandits.ApplyReward("u", "t1", 1, "like", (c, x) => { seen = x; return Count(c, x, 1); });
        Assert.NotNull(state);
        Assert.Equal(newer.Id, seen!.Id);
        Assert.Equal(newer.Vector, seen.Vector);
        var loaded = sut.Bandits.LoadState("u", "audio:3+bias")!;
        Assert.Equal(state!.Inverse, loaded.Inverse);
        Assert.Equal(state.B, loaded.B);
        Assert.Equal((4, 0.5, 1L, 1.0, clock.GetUtcNow().ToUnixTimeMilliseconds()), (loaded.Dimension, loaded.Regularization, loaded.Updates, loaded.RewardSum, loaded.UpdatedMs));
        var choices = sut.Bandits.Choices("u", 10);
        Assert.Equal([null, 1.0], choices.Select(c => c.Reward));
        Assert.Equal("like", choices[1].Feedback);
        // The older choice of the same track takes the next reward; then nothing is left to reward.
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, sut.Bandits.ApplyReward("u", "t1", 0, "skip", (c, x) => { seen = x; return Count(c, x, 0); })!.Updates);
        Assert.Equal(older.Id, seen!.Id);
        Assert.Null(sut.Bandits.ApplyReward("u", "t1", 1, "like", (c, x) => Count(c, x, 1)));
        Assert.Equal(2, sut.Bandits.LoadState("u", "audio:3+bias")!.Updates);
        Assert.Null(sut.Bandits.LoadState("u", "other-space"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Bandits_ApplyReward_TrackNotServedToThatUser_WritesNothing(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline();
        sut.Bandits.RecordChoice(Choice("u", "t1"));
        Assert.Null(sut.Bandits.ApplyReward("u", "t2", 1, "like", (c, x) => Count(c, x, 1)));
        Assert.Null(sut.Bandits.ApplyReward("v", "t1", 1, "like", (c, x) => Count(c, x, 1)));
        Assert.Null(sut.Bandits.LoadState("u", "audio:3+bias"));
        Assert.All(sut.Bandits.Choices("u", 10), c => Assert.Null(c.Reward));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Bandits_Reopened_StateAndChoicesSurvive(string kind)
    {
        using var scope = new StoreScope(kind);
        BanditStateRecord written;
        using (var first = scope.OpenOnline())
        {
            first.Bandits.RecordChoice(Choice("u", "t1"));
            first.Bandits.RecordChoice(Choice("u", "t2"));
            written = first.Bandits.ApplyReward("u", "t1", 1, "play", (c, x) => Count(c, x, 1))!;
        }
        using var sut = scope.OpenOnline();
        var loaded = sut.Bandits.LoadState("u", "audio:3+bias")!;
        Assert.Equal(written.Inverse, loaded.Inverse);
        Assert.Equal(written.B, loaded.B);
        Assert.Equal(written.Updates, loaded.Updates);
        Assert.Equal([1.0, null], sut.Bandits.Choices("u", 10).Select(c => c.Reward));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Bandits_Users_MostRecentlyUpdatedFirstWithTotals(string kind)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline(clock);
        foreach (var user in new[] { "a", "b", "a" })
        {
            sut.Bandits.RecordChoice(Choice(user, "t"));
            sut.Bandits.ApplyReward(user, "t", 1, "like", (c, x) => Count(c, x, 1));
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        var users = sut.Bandits.Users(10);
        Assert.Equal(["a", "b"], users.Select(u => u.User));
        Assert.Equal((2L, 2.0), (users[0].Rounds, users[0].RewardSum));
        Assert.Single(sut.Bandits.Users(1));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Bandits_ConcurrentRewardsForOneUser_EveryUpdateSeesThePreviousOne(string kind)
    {
        using var scope = new StoreScope(kind);
        using var sut = scope.OpenOnline();
        const int Rounds = 24;
        for (var i = 0; i < Rounds; i++) sut.Bandits.RecordChoice(Choice("u", "t" + i));
        Parallel.For(0, Rounds, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            Assert.NotNull(sut.Bandits.ApplyReward("u", "t" + i, 1, "like", (c, x) => Count(c, x, 1))));
        var state = sut.Bandits.LoadState("u", "audio:3+bias")!;
        Assert.Equal((long)Rounds, state.Updates);
        Assert.Equal(Rounds, state.RewardSum);
    }
}
