using Encore.Data.Import;
using Encore.Data.Import.Ium;
using Encore.Evaluation.Protocols;
using Encore.Models.Popularity;
using Encore.Tests.Shared;

namespace Encore.Evaluation.Tests;

// SPEC S1 as written on IUM 2023: the temporal validation split, S1's 10 seeded groups of 5, relevant = every
// held-out track with score >= 1 of any member (repeats included). The basic group model must give S1's published
// group P@10 of 0.200; under the "new tracks only" rule it recommends only played tracks and scores near 0.
public sealed class IumGroupProtocolTests
{
    private static double BasicPrecisionAt10(GroupRelevance relevance)
    {
        var dataset = new IumImporter().Import([SharedData.Path("ium-pozytywka-2023-v2")], new ImportOptions { Mode = ErrorMode.Lenient },
            new ImportReport(ErrorMode.Lenient));
        var protocol = ProtocolPreparer.Prepare(dataset, ProtocolOptions.Parse("temporal") with
        {
            Target = EvaluationTarget.Validation,
            GroupRelevance = relevance,
        });
        // No strategy: only the basic model runs (the popularity model is never asked).
        var runs = GroupProtocol.Run(protocol, new PopularityTrainer().Fit(protocol.Train), new EvaluationSettings { Ks = [10] }, strategies: []);
        return runs.Single(r => r.Model == GroupProtocol.BasicModelName).Means["group-precision@10"];
    }

    [SharedDataFact]
    public void BasicModel_SpecRule_GivesS1sPublishedPrecision()
    {
        Assert.Equal(0.200, BasicPrecisionAt10(GroupRelevance.Any), 6);
    }

    [SharedDataFact]
    public void BasicModel_NewTracksOnlyRule_ScoresNearZero()
    {
        Assert.InRange(BasicPrecisionAt10(GroupRelevance.New), 0, 0.05);
    }
}
