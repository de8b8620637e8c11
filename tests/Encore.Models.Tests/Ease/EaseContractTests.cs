using Encore.Models.Contract;
using Encore.Models.Ease;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Ease;

public sealed class EaseContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new EaseTrainer(new EaseOptions { Lambda = 10 });
}
