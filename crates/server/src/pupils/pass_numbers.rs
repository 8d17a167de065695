//! Issuing Pass+ numbers: eleven random digits and a check digit (format in
//! `passplus_validation::pass_number`), unique across all pupils.

use sqlx::AnyConnection;

/// A number no pupil has yet. With 9 × 10¹⁰ possible numbers a clash is rare, and the table's
/// UNIQUE constraint stays the last word should two be drawn at the same instant.
pub async fn issue(connection: &mut AnyConnection) -> anyhow::Result<String> {
    for _ in 0..10 {
        let mut random = [0u8; passplus_validation::pass_number::LENGTH - 1];
        getrandom::fill(&mut random).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        // Bytes are reduced modulo 10: values 250–255 would favour 0–5 slightly, which does not
        // matter for an identifier that is not a secret.
        let number = passplus_validation::pass_number::from_random_digits(random);
        let taken = sqlx::query("SELECT 1 FROM pupils WHERE pass_number = $1")
            .bind(&number)
            .fetch_optional(&mut *connection)
            .await?
            .is_some();
        if !taken {
            return Ok(number);
        }
    }
    anyhow::bail!("no free Pass+ number after ten draws")
}
