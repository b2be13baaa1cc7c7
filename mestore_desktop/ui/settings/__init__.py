"""The *Ajustes* page: non-secret settings form and the secrets section."""
