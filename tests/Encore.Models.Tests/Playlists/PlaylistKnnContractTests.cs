using Encore.Models.Contract;
using Encore.Models.Playlists;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Playlists;

public sealed class PlaylistKnnContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new PlaylistKnnTrainer();
}
