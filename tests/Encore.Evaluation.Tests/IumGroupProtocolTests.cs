using Encore.Data.Import;
using Encore.Data.Import.Ium;
using Encore.Evaluation.Protocols;
using Encore.Models.Factorization.Wmf;
using Encore.Models.Group;
using Encore.Tests.Shared;
using Xunit.Abstractions;

namespace Encore.Evaluation.Tests;

// SPEC S1 as written on IUM 2023: the temporal test split, 100 seeded groups of 5, relevant = every held-out track
// with score >= 1 of any member (repeats included). WMF with the settings chosen on validation
// (bench/results/s1-groups-ium.md) must beat the basic group model on P@10, significantly over the paired groups.
public sealed class IumGroupProtocolTests(ITestOutputHelper output)
{
    internal static readonly WmfOptions Chosen = new() { Factors = WmfFactors, Regularization = WmfRegularization, RepeatWeight = WmfRepeatWeight, Threads = 1 };

    private const int WmfFactors = 16;
    private const double WmfRegularization = 1;
    private const double WmfRepeatWeight = 1;
    private const GroupStrategy ChosenStrategy = GroupStrategy.LeastMisery;

    [SharedDataFact]
    public void Wmf_SpecRuleOnTest_BeatsTheBasicModelSignificantly()
    {
        var report = new ImportReport(ErrorMode.Lenient);
        var dataset = new IumImporter().Import([SharedData.Path("ium-pozytywka-2023-v2")], new ImportOptions { Mode = ErrorMode.Lenient }, report);
        var protocol = ProtocolPreparer.Prepare(dataset, ProtocolOptions.Parse("temporal"));
        var model = new WmfTrainer(Chosen).Fit(protocol.Train);
        var settings = new EvaluationSettings { Ks = [10] };

        var runs = GroupProtocol.Run(protocol, model, settings, groups: 100, strategies: [ChosenStrategy]);
        var (run, result) = GroupProtocol.CompareWithBasic(runs, 10).Single();

        output.WriteLine($"{run.Model}: P@10 {result.MeanB:0.0000}, basic {result.MeanA:0.0000}, difference {result.MeanDifference:0.0000} [{result.CiLow:0.0000}, {result.CiHigh:0.0000}], p {result.PermutationPValue:0.0000}");
        Assert.Equal(100, result.Pairs);
        Assert.True(result.MeanDifference > 0, $"WMF P@10 {result.MeanB} is not above the basic model's {result.MeanA}");
        Assert.True(result.IsSignificant, $"not significant: permutation p = {result.PermutationPValue}");
    }
}
