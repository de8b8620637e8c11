using Encore.Models.Contract;
using Encore.Models.Neighbourhood;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Neighbourhood;

public sealed class UserKnnCosineContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new UserKnnTrainer(new UserKnnOptions { Neighbours = 15 });
}

public sealed class UserKnnBm25ContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new UserKnnTrainer(new UserKnnOptions { Neighbours = 15, Similarity = SimilarityKind.Bm25 });
}
