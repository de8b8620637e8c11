using Encore.Online.Feedback;
using Encore.Online.Serving;

namespace Encore.Online.Tests.Serving;

public sealed class RecommendationServiceTests : IDisposable
{
    private readonly EngineScope _scope = new();

    public RecommendationServiceTests() => _scope.Engine.Serve("main", TestWorld.AlsPath);

    private RecommendationService Sut => _scope.Engine.Recommendations;

    private static string KnownUser => TestWorld.Matrix.Users[0];

    public void Dispose() => _scope.Dispose();

    [Fact]
    public void ForUser_KnownUser_MatchesModelTopKWithoutSeenTracks()
    {
        var response = Sut.ForUser(new UserRecommendationRequest { User = KnownUser, K = 5 });

        var (expected, _) = Encore.Models.Contract.RecommenderExtensions.RecommendOne(TestWorld.Als, 0, 5);
        Assert.Equal(ServingPath.Model, response.Path);
        Assert.Equal(expected.Select(i => TestWorld.Matrix.Items[i]), response.Items.Select(i => i.Track));
        var seen = TestWorld.Matrix.Matrix.RowIndices(0).ToArray().Select(i => TestWorld.Matrix.Items[i]).ToHashSet();
        Assert.DoesNotContain(response.Items, t => seen.Contains(t.Track));
        Assert.Equal(("main", 1), (response.Model, response.Version));
    }

    [Fact]
    public void ForUser_ExcludeAndAllow_AreApplied()
    {
        var first = Sut.ForUser(new UserRecommendationRequest { User = KnownUser, K = 3 });
        var excluded = first.Items[0].Track;
        var allow = TestWorld.Matrix.Items.Ids.Take(50).ToArray();

        var without = Sut.ForUser(new UserRecommendationRequest { User = KnownUser, K = 3, Exclude = [excluded, "no-such-track"] });
        var allowed = Sut.ForUser(new UserRecommendationRequest { User = KnownUser, K = 3, Allow = allow, ExcludeSeen = false });

        Assert.DoesNotContain(without.Items, t => t.Track == excluded);
        Assert.Equal(1, without.IgnoredTracks);
        Assert.All(allowed.Items, t => Assert.Contains(t.Track, allow));
    }

    [Fact]
    public void ForUser_UnknownUserWithHistory_FoldsIn()
    {
        var history = TestWorld.Matrix.Items.Ids.Take(5).Select(t => new HistoryEntry { Track = t }).Append(new HistoryEntry { Track = "unknown-track" }).ToArray();

        var response = Sut.ForUser(new UserRecommendationRequest { User = "new-user", K = 10, History = history });

        Assert.Equal(ServingPath.FoldIn, response.Path);
        Assert.Equal(10, response.Items.Count);
        Assert.Equal(1, response.IgnoredTracks);
        Assert.DoesNotContain(response.Items, t => history.Any(h => h.Track == t.Track));
    }

    [Fact]
    public void ForUser_UnknownUserWithStoredEvents_FoldsInFromStore()
    {
        _scope.Engine.Feedback.Ingest(new FeedbackEvent { User = "stored-user", Track = TestWorld.Matrix.Items[3], Kind = "like" });

        var response = Sut.ForUser(new UserRecommendationRequest { User = "stored-user", K = 4 });

        Assert.Equal(ServingPath.FoldIn, response.Path);
        Assert.DoesNotContain(response.Items, t => t.Track == TestWorld.Matrix.Items[3]);
    }

    [Fact]
    public void ForUser_UnknownUserWithoutHistory_GetsPopularity()
    {
        var response = Sut.ForUser(new UserRecommendationRequest { User = "nobody", K = 3 });

        Assert.Equal(ServingPath.Popularity, response.Path);
        var counts = new int[TestWorld.Matrix.Items.Count];
        foreach (var item in TestWorld.Matrix.Matrix.ColumnIndices) counts[item]++;
        var top = Enumerable.Range(0, counts.Length).OrderByDescending(i => counts[i]).ThenBy(i => i).Take(3).Select(i => TestWorld.Matrix.Items[i]);
        Assert.Equal(top, response.Items.Select(t => t.Track));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000_000)]
    [InlineData(-5)]
    public void ForUser_KOutOfRange_IsInvalid(int k)
    {
        var ex = Assert.Throws<OnlineRequestException>(() => Sut.ForUser(new UserRecommendationRequest { User = KnownUser, K = k }));

        Assert.Equal("k", ex.Field);
        Assert.Contains("between 1 and 1000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForUser_UnknownModel_IsNotFound()
    {
        var ex = Assert.Throws<OnlineRequestException>(() => Sut.ForUser(new UserRecommendationRequest { User = KnownUser, Model = "nope" }));

        Assert.Equal(RequestProblem.NotFound, ex.Problem);
    }

    [Fact]
    public void ForGroup_KnownAndUnknownMembers_ReportsPathsAndSatisfaction()
    {
        var request = new GroupRecommendationRequest
        {
            Members = [new GroupMemberRequest { User = KnownUser }, new GroupMemberRequest { User = TestWorld.Matrix.Users[1] }, new GroupMemberRequest { User = "guest" }],
            K = 5,
            Strategy = "least-misery",
        };

        var response = Sut.ForGroup(request);

        Assert.Equal(5, response.Items.Count);
        Assert.Equal("least-misery", response.Strategy);
        Assert.Equal([ServingPath.Model, ServingPath.Model, ServingPath.Popularity], response.Members.Select(m => m.Path));
        Assert.All(response.Members, m => Assert.InRange(m.ShareInOwnTopN, 0, 1));
    }

    [Fact]
    public void ForGroup_ExpectedPlays_MatchesTheLibrarysGroupRecommender()
    {
        // The service and the CLI's GroupRecommender share one name table and one aggregation: the same two known
        // members must get the same list, histories (their training plays) included.
        var request = new GroupRecommendationRequest
        {
            Members = [new GroupMemberRequest { User = KnownUser }, new GroupMemberRequest { User = TestWorld.Matrix.Users[1] }],
            K = 5,
            Strategy = "Expected-Plays",
        };

        var response = Sut.ForGroup(request);

        var expected = new Encore.Models.Group.GroupRecommender(TestWorld.Als, new Encore.Models.Group.GroupOptions { Strategy = Encore.Models.Group.GroupStrategy.ExpectedPlays })
            .Recommend([Encore.Models.Group.GroupMember.Known(0), Encore.Models.Group.GroupMember.Known(1)], 5);
        Assert.Equal("expected-plays", response.Strategy);
        Assert.Equal(expected.Items.Select(i => TestWorld.Matrix.Items[i]), response.Items.Select(t => t.Track));
    }

    [Fact]
    public void ForGroup_RepeatedMember_IsInvalidNamingTheEntry()
    {
        // Found by s13-user2: the same user twice was accepted and weighed double in the aggregation.
        var request = new GroupRecommendationRequest
        {
            Members = [new GroupMemberRequest { User = KnownUser }, new GroupMemberRequest { User = TestWorld.Matrix.Users[1] }, new GroupMemberRequest { User = KnownUser }],
        };

        var ex = Assert.Throws<OnlineRequestException>(() => Sut.ForGroup(request));

        Assert.Equal(RequestProblem.Invalid, ex.Problem);
        Assert.Equal("members[2].user", ex.Field);
        Assert.Contains("is already members[0]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForGroup_PlaceholderIdTwiceEachWithItsOwnHistory_IsTwoMembers()
    {
        var tracks = TestWorld.Matrix.Items.Ids;
        var request = new GroupRecommendationRequest
        {
            Members =
            [
                new GroupMemberRequest { User = "guest", History = [new HistoryEntry { Track = tracks[0] }] },
                new GroupMemberRequest { User = "guest", History = [new HistoryEntry { Track = tracks[1] }] },
            ],
            K = 3,
        };

        var response = Sut.ForGroup(request);

        Assert.Equal(2, response.Members.Count);
        Assert.Equal(3, response.Items.Count);
    }

    [Fact]
    public void ForGroup_UnknownStrategy_IsInvalid()
    {
        var ex = Assert.Throws<OnlineRequestException>(() => Sut.ForGroup(new GroupRecommendationRequest { Members = [new GroupMemberRequest { User = KnownUser }], Strategy = "vote" }));

        Assert.Equal("strategy", ex.Field);
    }

    [Fact]
    public void ContinuePlaylist_KnownSeeds_FoldsInAndSkipsSeeds()
    {
        var seeds = TestWorld.Matrix.Items.Ids.Skip(10).Take(3).ToArray();

        var response = Sut.ContinuePlaylist(new PlaylistContinuationRequest { Seeds = seeds, K = 7 });

        Assert.Equal(ServingPath.FoldIn, response.Path);
        Assert.Equal(7, response.Items.Count);
        Assert.DoesNotContain(response.Items, t => seeds.Contains(t.Track));
    }

    [Fact]
    public void ContinuePlaylist_TitleOnlyWithoutBaseDataset_FallsBackToPopularity()
    {
        var response = Sut.ContinuePlaylist(new PlaylistContinuationRequest { Title = "road trip", K = 4 });

        Assert.Equal(ServingPath.Popularity, response.Path);
        Assert.Equal(4, response.Items.Count);
    }

    [Fact]
    public void ContinuePlaylist_NothingGiven_IsInvalid()
    {
        Assert.Throws<OnlineRequestException>(() => Sut.ContinuePlaylist(new PlaylistContinuationRequest()));
    }

    [Fact]
    public void Similar_KnownTrack_ExcludesItself()
    {
        var track = TestWorld.Matrix.Items[0];

        var response = Sut.Similar(track, 5, null);

        Assert.Equal(5, response.Items.Count);
        Assert.DoesNotContain(response.Items, t => t.Track == track);
    }

    [Fact]
    public void Similar_UnknownTrack_IsNotFound()
    {
        var ex = Assert.Throws<OnlineRequestException>(() => Sut.Similar("no-such", 5, null));

        Assert.Equal(RequestProblem.NotFound, ex.Problem);
    }

    [Fact]
    public void Scores_KnownUser_EqualModelScoresAndNullForUnknownTracks()
    {
        var tracks = new[] { TestWorld.Matrix.Items[4], "no-such", TestWorld.Matrix.Items[9] };

        var response = Sut.Scores(KnownUser, new ScoreRequest { Tracks = tracks });

        var expected = new float[2];
        TestWorld.Als.Score(0, [4, 9], expected);
        Assert.Equal([expected[0], null, expected[1]], response.Scores.Select(s => s.Score));
    }

    // A user the model does not know, folded in from a history, got null ("unknown") for every known track the fold-in had no
    // evidence for, where a known user of the same model gets 0: a re-ranker could not tell "no evidence" from "no such track".
    [Fact]
    public void Scores_FoldedInUser_KnownTracksWithoutEvidenceScoreZeroAndOnlyUnknownTracksNull()
    {
        _scope.Engine.Serve("knn", TestWorld.KnnPath);
        var tracks = TestWorld.Matrix.Items.Ids.Append("no-such").ToArray();
        var listened = TestWorld.Matrix.Items[TestWorld.Matrix.Matrix.RowIndices(0)[0]];

        var folded = Sut.Scores("guest", new ScoreRequest { Tracks = tracks, Model = "knn", History = [new HistoryEntry { Track = listened }] });

        Assert.Equal((ServingPath.FoldIn, (string?)null), (folded.Path, folded.Reason));
        Assert.Null(folded.Scores[^1].Score);
        Assert.All(folded.Scores.SkipLast(1), s => Assert.NotNull(s.Score));
        Assert.Contains(folded.Scores, s => s.Score == 0);
        Assert.Contains(folded.Scores, s => s.Score > 0);
    }

    // A history whose only track has no signal gives the fold-in no evidence at all. Recommendations then answer popularity
    // with reason history-unusable; candidate scores said "fold-in" with every score null, and a group with such a member
    // got an empty list (every track was "not a candidate" for that member).
    [Fact]
    public void Scores_HistoryWithoutEvidence_FallBackToPopularityAndSaySo()
    {
        _scope.Engine.Serve("knn", TestWorld.KnnPath);
        var silent = TrackWithoutSignal();

        var response = Sut.Scores("guest", new ScoreRequest { Tracks = [.. TestWorld.Matrix.Items.Ids.Take(20)], Model = "knn", History = [new HistoryEntry { Track = silent }] });
        var list = Sut.ForUser(new UserRecommendationRequest { User = "guest", Model = "knn", K = 5, History = [new HistoryEntry { Track = silent }] });

        Assert.Equal((ServingPath.Popularity, "history-unusable"), (list.Path, list.Reason));
        Assert.Equal((ServingPath.Popularity, "history-unusable"), (response.Path, response.Reason));
        Assert.All(response.Scores, s => Assert.NotNull(s.Score));
    }

    // A guest folded in from one track has evidence only for that track's neighbours; the rest of the guest's row was NaN
    // ("not a candidate"), so the group's list was cut to those neighbours whatever the known member liked.
    [Fact]
    public void ForGroup_GuestWithOneTrack_DoesNotRestrictTheGroupToItsNeighbours()
    {
        _scope.Engine.Serve("knn", TestWorld.KnnPath);
        var first = TestWorld.Matrix.Matrix.RowIndices(0)[0];
        var track = TestWorld.Matrix.Items[first];
        var knn = (Encore.Models.Contract.IHistoryRecommender)Encore.Models.Files.ModelLoader.Load(TestWorld.KnnPath, Encore.Models.Files.ModelFileAccess.Read);
        var neighbours = knn.RecommendFromHistory([first], [1f], TestWorld.Matrix.Items.Count).Items
            .Select(i => TestWorld.Matrix.Items[i]).ToHashSet();
        var request = new GroupRecommendationRequest
        {
            Members = [new GroupMemberRequest { User = TestWorld.Matrix.Users[1] }, new GroupMemberRequest { User = "guest", History = [new HistoryEntry { Track = track }] }],
            K = 2 * neighbours.Count + 10,
            Model = "knn",
            Strategy = "most-pleasure",
        };

        var response = Sut.ForGroup(request);

        Assert.Contains(response.Items, t => !neighbours.Contains(t.Track));
        Assert.Equal([ServingPath.Model, ServingPath.FoldIn], response.Members.Select(m => m.Path));
    }

    [Fact]
    public void ForGroup_GuestWhoseHistoryHasNoEvidence_IsScoredByPopularityNotAnEmptyList()
    {
        _scope.Engine.Serve("knn", TestWorld.KnnPath);
        var request = new GroupRecommendationRequest
        {
            Members = [new GroupMemberRequest { User = KnownUser }, new GroupMemberRequest { User = "guest", History = [new HistoryEntry { Track = TrackWithoutSignal() }] }],
            K = 5,
            Model = "knn",
        };

        var response = Sut.ForGroup(request);

        Assert.Equal(5, response.Items.Count);
        Assert.Equal([(ServingPath.Model, null), (ServingPath.Popularity, "history-unusable")], response.Members.Select(m => (m.Path, m.Reason)));
    }

    private static string TrackWithoutSignal()
    {
        var counts = new int[TestWorld.Matrix.Items.Count];
        foreach (var item in TestWorld.Matrix.Matrix.ColumnIndices) counts[item]++;
        var silent = Array.IndexOf(counts, 0);
        Assert.True(silent >= 0, "the test world has a catalogue track nobody played");
        return TestWorld.Matrix.Items[silent];
    }

    [Fact]
    public void Explain_KnownUserAndTrack_ListsHistoryTracks()
    {
        var track = Sut.ForUser(new UserRecommendationRequest { User = KnownUser, K = 1 }).Items[0].Track;

        var response = Sut.Explain(KnownUser, track, 3, null);

        var history = TestWorld.Matrix.Matrix.RowIndices(0).ToArray().Select(i => TestWorld.Matrix.Items[i]).ToHashSet();
        Assert.NotEmpty(response.Because);
        Assert.All(response.Because, c => Assert.Contains(c.Track, history));
    }

    [Fact]
    public void Explain_UnknownUser_IsNotFound()
    {
        var ex = Assert.Throws<OnlineRequestException>(() => Sut.Explain("nobody", TestWorld.Matrix.Items[0], 3, null));

        Assert.Equal("user", ex.Field);
    }

    [Fact]
    public void ForUser_RecentEventsGiven_SameAnswerAsTheSameEventsStored()
    {
        // A cluster's user grain passes the events it holds instead of the store reading them: same fold-in.
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var events = TestWorld.Matrix.Items.Ids.Take(6).Select((t, i) => new FeedbackEvent
        {
            EventId = "recent-" + i,
            User = "grain-user",
            Track = t,
            Kind = i % 3 == 0 ? "like" : "play",
            Timestamp = now - 10_000 + i,
        }).ToArray();
        var recent = _scope.Engine.Feedback.Validate(events, isBatch: true);

        var fromRecent = Sut.ForUser(new UserRecommendationRequest { User = "grain-user", K = 10 }, recent);
        var beforeStored = Sut.ForUser(new UserRecommendationRequest { User = "grain-user", K = 10 });
        _scope.Engine.Feedback.Store(recent);
        var fromStore = Sut.ForUser(new UserRecommendationRequest { User = "grain-user", K = 10 });

        Assert.Equal(ServingPath.FoldIn, fromRecent.Path);
        Assert.Equal(ServingPath.Popularity, beforeStored.Path);
        Assert.Equal(fromStore.Items, fromRecent.Items);
        Assert.DoesNotContain(fromRecent.Items, i => events.Any(e => e.Track == i.Track));
    }

    [Fact]
    public async Task ForUser_FeedbackGiven_IsUsedAsIsAndBothCallsAgree()
    {
        // A cluster's user grain keeps the user's feedback current and hands it over; the service must not rebuild it
        // from the events (here there are none, so a skip held only by the feedback proves it was used).
        var request = new UserRecommendationRequest { User = KnownUser, K = 5 };
        var top = Sut.ForUser(request).Items[0].Track;
        var feedback = new UserFeedback(limit: 10);
        feedback.Add(new StoredEvent("skip-1", KnownUser, top, Encore.Data.Model.EventKind.Skip, 1_000, null, null));

        var sync = Sut.ForUser(request, recent: [], feedback);
        var async = await Sut.ForUserAsync(request, recent: [], feedback);

        Assert.DoesNotContain(sync.Items, t => t.Track == top);
        Assert.Equal(sync.Items, async.Items);
        Assert.Equal((ServingPath.Model, 5), (sync.Path, sync.Items.Count));
    }

    [Fact]
    public async Task ForUser_SkipOnAFoldInUser_LeftOutOnBothCallsAndNotReportedUnknown()
    {
        // The cold-start chain gets the avoided tracks the model knows in its own id form: a skip on a track the
        // model never saw is neither masked nor counted as an unknown request item.
        var history = TestWorld.Matrix.Items.Ids.Skip(20).Take(4).Select(t => new HistoryEntry { Track = t }).ToArray();
        var request = new UserRecommendationRequest { User = "fold-user", K = 8, History = history };
        var first = Sut.ForUser(request).Items[0].Track;
        var feedback = new UserFeedback(limit: 10);
        feedback.Add(new StoredEvent("s1", "fold-user", first, Encore.Data.Model.EventKind.Skip, 1_000, null, null));
        feedback.Add(new StoredEvent("s2", "fold-user", "never-seen-track", Encore.Data.Model.EventKind.Dislike, 1_001, null, null));

        var sync = Sut.ForUser(request, recent: [], feedback);
        var async = await Sut.ForUserAsync(request, recent: [], feedback);

        Assert.Equal(ServingPath.FoldIn, sync.Path);
        Assert.DoesNotContain(sync.Items, t => t.Track == first);
        Assert.Equal(0, sync.IgnoredTracks);
        Assert.Equal(sync.Items, async.Items);
    }
}
