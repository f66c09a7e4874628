//! Article images opened full size. Each image of the body (the builder
//! makes them lazy, and CSS keeps them within the panel) is wrapped in a
//! button named after its alt text; the button opens a modal viewer
//! labelled by that alt text, with a Close button. Escape, Close or a click
//! beside the image closes it, and focus goes back to the image's button.
//! An image inside a link is left alone: the link wins.

use help_core::template::fill;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::state::Reader;

/// The class of the button each article image is wrapped in.
const BUTTON_CLASS: &str = "hw-image-button";

/// The viewer's name for an image: its alt text, else the generic words.
fn label(view_image: &str, alt: &str) -> String {
    fill(view_image, &[alt.trim()])
        .trim_end_matches([' ', ':', '\u{a0}'])
        .to_string()
}

/// Wraps each image of `body` not inside a link in a button that calls
/// `open`, unless it is wrapped already.
fn wrap_images(body: &web_sys::Element, view_image: &str, open: &js_sys::Function) {
    let Some(document) = body.owner_document() else {
        return;
    };
    let Ok(images) = body.query_selector_all("img") else {
        return;
    };
    for i in 0..images.length() {
        let Some(img) = images
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if img.closest("a, button").ok().flatten().is_some() {
            continue;
        }
        let (Some(parent), Ok(button)) = (img.parent_node(), document.create_element("button"))
        else {
            continue;
        };
        let alt = img.get_attribute("alt").unwrap_or_default();
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("class", BUTTON_CLASS);
        let _ = button.set_attribute("aria-label", &label(view_image, &alt));
        if parent.insert_before(&button, Some(&img)).is_ok() {
            let _ = button.append_child(&img);
            let _ = button.add_event_listener_with_callback("click", open);
        }
    }
}

/// The full-size viewer for the images of the article body next to it.
/// Put it right after the body, inside the same parent.
#[component]
pub fn ImageViewer() -> impl IntoView {
    let reader = expect_context::<Reader>();
    let host = NodeRef::<leptos::html::Div>::new();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let image = NodeRef::<leptos::html::Img>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    // One listener for every image button; dropped with the view.
    let open = StoredValue::new_local(Closure::<dyn Fn(web_sys::Event)>::new(
        move |ev: web_sys::Event| {
            let Some(button) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            let Some(source) = button.query_selector("img").ok().flatten() else {
                return;
            };
            let (Some(dialog), Some(image)) = (dialog.get_untracked(), image.get_untracked())
            else {
                return;
            };
            // The image the body already loaded, so no second fetch.
            let src = source
                .dyn_ref::<web_sys::HtmlImageElement>()
                .map(|i| i.current_src())
                .filter(|s| !s.is_empty())
                .or_else(|| source.get_attribute("src"))
                .unwrap_or_default();
            let alt = source.get_attribute("alt").unwrap_or_default();
            image.set_src(&src);
            image.set_alt(&alt);
            let name = if alt.trim().is_empty() {
                label(reader.ui().view_image, "")
            } else {
                alt
            };
            let _ = dialog.set_attribute("aria-label", &name);
            opener.set_value(Some(button));
            if dialog.show_modal().is_ok()
                && let Some(close) = dialog
                    .query_selector(".hw-image-close")
                    .ok()
                    .flatten()
                    .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = close.focus();
            }
        },
    ));
    Effect::new(move |_| {
        let Some(host) = host.get() else {
            return;
        };
        let body = host
            .parent_element()
            .and_then(|p| p.query_selector(".hw-article-body").ok().flatten());
        if let Some(body) = body {
            open.with_value(|f| {
                wrap_images(&body, reader.ui().view_image, f.as_ref().unchecked_ref())
            });
        }
    });
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let restore_focus = move || {
        opener.with_value(|b| {
            if let Some(b) = b {
                let _ = b.focus();
            }
        });
    };
    view! {
        <div class="hw-image-viewer-host" node_ref=host>
            <dialog
                class="hw-image-viewer"
                node_ref=dialog
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    // Escape closes the image, not the panel around it.
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        ev.stop_propagation();
                        close();
                    }
                }
                on:click=move |ev: web_sys::MouseEvent| {
                    // A click on the backdrop lands on the dialog itself.
                    let on_dialog = ev
                        .target()
                        .zip(dialog.get_untracked())
                        .is_some_and(|(t, d)| {
                            let (t, d): (&wasm_bindgen::JsValue, &wasm_bindgen::JsValue) = (t.as_ref(), d.as_ref());
                            t == d
                        });
                    if on_dialog {
                        close();
                    }
                }
                on:close=move |_| restore_focus()
            >
                <div class="hw-image-viewer-bar">
                    <button type="button" class="hw-image-close" on:click=move |_| close()>
                        {move || reader.ui().close_image}
                    </button>
                </div>
                <img node_ref=image alt="" />
            </dialog>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_is_named_by_its_alt_text() {
        assert_eq!(
            label("View image full size: {}", " The payouts chart "),
            "View image full size: The payouts chart"
        );
        assert_eq!(
            label("View image full size: {}", ""),
            "View image full size"
        );
        assert_eq!(
            label("Voir l’image en grand : {}", ""),
            "Voir l’image en grand"
        );
    }
}
