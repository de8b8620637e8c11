using Encore.Models.Content.Affinity;
using Encore.Models.Contract;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Content;

public sealed class AffinityContractTests : RecommenderContractTests
{
    protected override TrainingData CreateData() => PlantedContent.Create();

    protected override IRecommenderTrainer CreateTrainer() => new AffinityTrainer(new AffinityOptions { NegativeRatio = 2, L2Regularization = 0.01 });
}

public sealed class AffinityPcaContractTests : RecommenderContractTests
{
    protected override TrainingData CreateData() => PlantedContent.Create();

    protected override IRecommenderTrainer CreateTrainer() => new AffinityTrainer(new AffinityOptions { NegativeRatio = 2, L2Regularization = 0.01, Components = 4 });
}
