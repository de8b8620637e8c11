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
    protected override IRecommenderTrainer CreateTrainer() => new BprTrainer(new BprOptions { Factors = 8, LearningRate = 0.05, Iterations = 300, Threads = 1 });
}

public sealed class LmfContractTests : RecommenderContractTests
{
    protected override IRecommenderTrainer CreateTrainer() => new LmfTrainer(new LmfOptions { Factors = 8, Iterations = 30, Threads = 1 });
}
