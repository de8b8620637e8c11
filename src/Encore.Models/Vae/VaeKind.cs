namespace Encore.Models.Vae;

/// <summary>Which autoencoder <see cref="VaeTrainer"/> fits (Liang et al. 2018).</summary>
public enum VaeKind
{
    /// <summary>Mult-VAE: a Gaussian latent code sampled by reparameterisation, loss = multinomial likelihood + beta KL.</summary>
    Vae,

    /// <summary>Mult-DAE: the same layers with a deterministic code (the mean) and no KL term; only the input dropout regularises.</summary>
    Dae,
}
