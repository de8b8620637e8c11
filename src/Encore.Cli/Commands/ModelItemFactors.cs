using System.Globalization;
using Encore.Core.Files;
using Encore.Evaluation.Bandits;
using Encore.Models.Factorization;
using Encore.Models.Files;

namespace Encore.Cli.Commands;

/// <summary>
/// The item factors of a saved factor model (ALS, WMF, BPR, LMF) as bandit arm contexts: one row per item of
/// the model's id map, standardised per column like the simulation's factors context
/// (<see cref="CollaborativeArmFeatures.Standardise"/>).
/// </summary>
internal static class ModelItemFactors
{
    /// <exception cref="FileNotFoundException">Nothing at <paramref name="path"/> (exit 1: the --model option names nothing).</exception>
    /// <exception cref="Encore.Core.Errors.ModelFormatException">Corrupt or foreign model file (exit 3).</exception>
    /// <exception cref="ArgumentException">The model is not a factor model (the message names its kind and the models that have factors).</exception>
    public static (IReadOnlyList<string> Ids, float[] Values, int Dimension, string Source) Read(string path)
    {
        var model = ModelLoader.Load(CommandLinePath.Existing(path, "--model"));
        if (model is not FactorModel factors)
            throw new ArgumentException($"--model {path}: a model of kind '{model.ModelName}' has no item factors; give a factor model (als, wmf, bpr, lmf) or use --vectors.");
        var d = factors.Dimensions;
        var values = factors.ItemFactors.ToArray();
        GC.KeepAlive(factors); // the span may read the file's mapping, which lives as long as the model
        CollaborativeArmFeatures.Standardise(values, factors.Items.Count, d);
        return (factors.Items.Ids, values, d, string.Create(CultureInfo.InvariantCulture, $"item factors of {Path.GetFileName(path)} ({d} f, standardised)"));
    }
}
