//! `GET /api/colleges?q=…`: the public collèges matching a name, commune, postal code or UAI.

use axum::extract::State;
use axum::Json;
use passplus_validation::{CollegeSearch, CollegeSearchResults};

use crate::colleges;
use crate::error::AppError;
use crate::extract::ValidatedQuery;
use crate::startup::AppState;

pub async fn search(
    State(state): State<AppState>,
    ValidatedQuery(search): ValidatedQuery<CollegeSearch>,
) -> Result<Json<CollegeSearchResults>, AppError> {
    Ok(Json(colleges::search(&state.pool, &search.q).await?))
}
