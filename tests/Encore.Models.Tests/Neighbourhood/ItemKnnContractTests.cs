using Encore.Models.Contract;
using Encore.Models.Neighbourhood;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Neighbourhood;

public sealed class ItemKnnCosineContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 20 });
}

public sealed class ItemKnnBm25ContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 20, Similarity = SimilarityKind.Bm25, Shrink = 1 });
}

public sealed class ItemKnnTfIdfContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new ItemKnnTrainer(new ItemKnnOptions { Neighbours = 20, Similarity = SimilarityKind.TfIdf });
}
