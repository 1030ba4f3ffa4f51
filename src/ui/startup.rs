//! Start-up timing, for `examples/package_bench.rs`: with `NEWSMARK_REPORT_FIRST_FRAME` set,
//! the window prints one line on stderr once its first frame has been painted, and with the
//! value `exit` it then closes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// The environment variable that asks for the report.
pub const REPORT_FIRST_FRAME: &str = "NEWSMARK_REPORT_FIRST_FRAME";

/// The line printed, before the milliseconds since the window was asked for.
pub const FIRST_FRAME_LINE: &str = "newsmark: first frame shown after";

/// Watches for the first frame on `ctx` if the environment asks for it.
pub fn watch_first_frame(ctx: &egui::Context, started: Instant) {
    let Some(mode) = std::env::var_os(REPORT_FIRST_FRAME) else {
        return;
    };
    let exit = mode == "exit";
    let reported = AtomicBool::new(false);
    ctx.on_begin_pass(
        "first frame report",
        Arc::new(move |ui: &mut egui::Ui| {
            let ctx = ui.ctx();
            // eframe paints a frame after its pass ends: when the second one begins, the
            // first is on the screen.
            if ctx.cumulative_frame_nr() == 0 {
                ctx.request_repaint();
                return;
            }
            if reported.swap(true, Ordering::Relaxed) {
                return;
            }
            eprintln!("{FIRST_FRAME_LINE} {} ms", started.elapsed().as_millis());
            if exit {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }),
    );
}
