using Encore.Models.Contract;
using Encore.Models.Playlists;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Playlists;

public sealed class PlaylistCombinedContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() =>
        new PlaylistCombinedTrainer(new PlaylistCombinedOptions { Factors = 8, Iterations = 20, Threads = 1 });
}
