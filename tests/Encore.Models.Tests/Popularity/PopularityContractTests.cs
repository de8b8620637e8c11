using Encore.Models.Contract;
using Encore.Models.Popularity;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Popularity;

public sealed class PopularityContractTests : RecommenderContractTests
{
    protected override bool IsPersonalised => false;

    protected override IRecommenderTrainer CreateTrainer() => new PopularityTrainer();
}

public sealed class SmoothedPopularityContractTests : RecommenderContractTests
{
    protected override bool IsPersonalised => false;

    protected override IRecommenderTrainer CreateTrainer() => new PopularityTrainer(new PopularityOptions { Scoring = PopularityScoring.SmoothedMean });
}
