//! `feedback-server --db votes.sqlite --bundle DIR [--listen 127.0.0.1:8081]`

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Parser;

/// Serves the widget's feedback endpoint on loopback.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    /// The SQLite database (created if missing).
    #[arg(long)]
    db: PathBuf,
    /// The help center's signed-in bundle: votes are taken for its articles.
    #[arg(long)]
    bundle: PathBuf,
    /// Where to listen.
    #[arg(long, default_value = "127.0.0.1:8081")]
    listen: SocketAddr,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let articles = feedback_server::articles::from_bundle(&args.bundle)?;
    let store = feedback_server::Store::open(&args.db)
        .with_context(|| format!("opening {}", args.db.display()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| format!("could not listen on {}", args.listen))?;
        println!(
            "feedback-server: {} articles, listening on http://{}",
            articles.len(),
            listener.local_addr()?
        );
        axum::serve(listener, feedback_server::router(store, articles))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("serving")
    })
}
