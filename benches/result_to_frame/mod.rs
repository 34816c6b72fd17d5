//! How soon the desk's loop draws a result: from a search result sent on the loop's
//! channel, as the search thread sends it, to the frame that shows it, drawn by the
//! loop's own code on a test terminal. Also the loop before it, which polled the
//! terminal for up to 250 ms before it read the channel, reproduced here for the
//! figure it had.

use super::{cache, config, n, today};
use criterion::{Criterion, SamplingMode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sigap::app::{Action, App, Command, Keymap};
use sigap::runtime::{Desk, Executor, Msg, Turn};
use sigap::store::{Access, Store};
use sigap::ui::Theme;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How the loop thread of `result_to_frame` waits.
#[derive(Clone, Copy)]
enum Shape {
    /// The desk's loop: one channel for events and results, `Desk::turn`.
    Channel,
    /// The loop before it: poll the terminal for up to 250 ms (here an event source
    /// that stays empty), then drain the channel, then draw.
    Poll250,
}

/// A desk's loop running on its own thread.
struct Running {
    /// The loop's channel.
    tx: Sender<Msg>,
    /// The generation of the filter the desk has open.
    generation: u64,
    /// The filter's matches.
    found: Arc<Vec<i64>>,
    /// Each frame the loop draws: when, and how many matches it shows.
    frames: Receiver<(Instant, usize)>,
    handle: JoinHandle<()>,
}

/// Starts the desk's loop on its own thread, drawing on a 120×40 test terminal, with
/// the filter open on "jalan".
fn loop_thread(dir: &Path, shape: Shape) -> Running {
    let (ready_tx, ready_rx) = channel();
    let (frames_tx, frames_rx) = channel();
    let dir = dir.to_path_buf();
    let handle = std::thread::spawn(move || {
        let cfg = config(&dir);
        let store =
            Store::open(&dir.join("data"), cfg.desk_context(), Access::Write).expect("open");
        let now = today().and_time(chrono::NaiveTime::MIN).and_utc();
        let app = App::from_config(&cfg, Keymap::defaults(), now, Some(today()));
        let exec = Executor::inline(cfg, store, Some(today()));
        let term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        let theme = Theme::new(sigap::config::Theme::Default, true);
        let mut desk = Desk::new(app, exec, theme, term, channel());
        desk.start().expect("first frame");
        // The filter open on a query, answered here at once (the inline executor).
        desk.handle(Msg::Action(Action::Command(Command::Filter)))
            .expect("filter");
        for c in "jalan".chars() {
            let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
            desk.handle(Msg::Event(crossterm::event::Event::Key(key)))
                .expect("key");
        }
        desk.draw_if_dirty().expect("draw");
        let found = desk.app().inbox.found.clone().expect("matches");
        let shown =
            |desk: &Desk<TestBackend>| desk.app().inbox.found.as_ref().map_or(0, |f| f.len());
        ready_tx
            .send((desk.sender(), desk.app().inbox.filter_generation, found))
            .expect("ready");
        let never = channel::<crossterm::event::Event>();
        loop {
            let drew = match shape {
                Shape::Channel => match desk.turn().expect("turn") {
                    Turn::Quit => break,
                    t => t == Turn::Drew,
                },
                Shape::Poll250 => {
                    let _ = never.1.recv_timeout(Duration::from_millis(250));
                    desk.drain().expect("drain");
                    if desk.app().quit {
                        break;
                    }
                    desk.draw_if_dirty().expect("draw")
                }
            };
            if drew {
                let _ = frames_tx.send((Instant::now(), shown(&desk)));
            }
        }
    });
    let (tx, generation, found) = ready_rx.recv().expect("the loop started");
    Running {
        tx,
        generation,
        found,
        frames: frames_rx,
        handle,
    }
}

/// From a search result sent on the loop's channel, as the search thread sends it, to
/// the frame that shows it drawn by the loop. The results alternate between all the
/// matches and half of them, so each one changes the frame.
pub fn result_to_frame(c: &mut Criterion) {
    let n = n();
    let dir = cache(n);
    let mut g = c.benchmark_group(format!("loop_{n}"));
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.measurement_time(Duration::from_secs(3));
    // A fixed sequence of pauses before each send, spread over the old loop's 250 ms
    // poll: a result comes at any moment of it.
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut phase = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        Duration::from_micros(seed % 250_000)
    };
    for (name, shape) in [
        ("result_to_frame", Shape::Channel),
        ("result_to_frame_polling_250ms", Shape::Poll250),
    ] {
        let Running {
            tx,
            generation,
            found: all,
            frames,
            handle,
        } = loop_thread(&dir, shape);
        let half = Arc::new(all[..all.len() / 2].to_vec());
        assert!(!half.is_empty(), "enough matches to halve");
        let mut sent_all = true;
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    // The loop is waiting again (for the old loop: somewhere in its poll).
                    std::thread::sleep(match shape {
                        Shape::Channel => Duration::from_millis(1),
                        Shape::Poll250 => phase(),
                    });
                    sent_all = !sent_all;
                    let rows = if sent_all { all.clone() } else { half.clone() };
                    let want = rows.len();
                    let sent = Instant::now();
                    tx.send(Msg::Action(Action::Filtered { generation, rows }))
                        .expect("send");
                    loop {
                        let (at, shown) = frames.recv().expect("a frame");
                        if shown == want && at >= sent {
                            total += at - sent;
                            break;
                        }
                    }
                }
                total
            })
        });
        tx.send(Msg::Action(Action::Command(Command::Quit)))
            .expect("quit");
        handle.join().expect("the loop ended");
    }
    g.finish();
}
