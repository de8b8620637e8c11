using Encore.Models.Contract;

namespace Encore.Models.Factorization.Als;

/// <summary>
/// ALS's penalty chosen from the data (<see cref="AlsRegularizationRule"/>): the value the trainer fits with, and the
/// choice it records and prints. <see cref="Penalty"/> is exactly the printed <see cref="DataChoice.Value"/> (4
/// significant digits), so <c>--set regularization=&lt;printed&gt;</c> refits the same model.
/// </summary>
/// <param name="Penalty">lambda, the L2 penalty on factor rows (&gt;= 0).</param>
/// <param name="Choice">Setting "regularization", its printed value and the reason.</param>
public sealed record AlsRegularizationChoice(double Penalty, DataChoice Choice);
