//! Code generation: the forward pass as one `let` per node, the backward pass in reverse.
//!
//! Generated names carry `Span::mixed_site()`, so they cannot clash with the caller's
//! variables; the operators and methods carry the caller's spans, so a shape error inside the
//! loss points at the operator that causes it.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::Input;
use super::lower::{Arith, Elementwise, Graph, Loss, Node, Reduction, Selection};

fn user_span(token: Span) -> Span {
    Span::mixed_site().located_at(token)
}

fn value(n: usize) -> syn::Ident {
    format_ident!("__v{}", n, span = Span::mixed_site())
}

fn gradient(n: usize) -> syn::Ident {
    format_ident!("__g{}", n, span = Span::mixed_site())
}

/// Node `n` as an operand of an arithmetic operator: by reference (`&__vN`), as the backward
/// pass reads it again and a tensor passed by value would be copied into the call; a constant
/// as written (it may be a reference already, such as a function's `y: &Tensor`, or a literal
/// whose type is inferred from the other operand).
fn operand(graph: &Graph, n: usize) -> TokenStream {
    let v = value(n);
    match graph.nodes[n] {
        Node::Const(_) => quote! { #v },
        _ => quote! { &#v },
    }
}

/// `select(rows, cols)`, followed by `.item()` for a single element, with the span of the
/// user's brackets (an index out of bounds is reported there), as `tensor!` writes it.
fn selected(bracket: Span, s: &Selection) -> TokenStream {
    let (rows, cols) = (&s.rows, &s.cols);
    let select = quote_spanned!(user_span(bracket)=> select);
    let item = s.element.then(|| quote! { .item() });
    quote! { #select(#rows, #cols) #item }
}

/// The expansion: a block evaluating to `(loss, Gradients { input: gradient, .. })`.
pub(crate) fn emit(input: &Input, graph: &Graph) -> TokenStream {
    let ad = quote! { ::tensor::autodiff };
    let mut forward = Vec::new();
    for (n, node) in graph.nodes.iter().enumerate() {
        let v = value(n);
        let rhs = match node {
            Node::Input(i) => {
                let name = &input.inputs[*i];
                quote! { #name }
            }
            Node::Const(code) => code.clone(),
            Node::Arith(_, op, a, b) => {
                let (a, b) = (operand(graph, *a), operand(graph, *b));
                quote! { #a #op #b }
            }
            Node::MatMul(at, a, b) => {
                let (a, b) = (value(*a), value(*b));
                let call = quote_spanned!(user_span(*at)=> matmul);
                quote! { #a.#call(&#b) }
            }
            Node::Transpose(t, a) => {
                let a = value(*a);
                let call = quote_spanned!(user_span(*t)=> t);
                quote! { #a.#call() }
            }
            Node::Neg(minus, a) => {
                let a = value(*a);
                let minus = quote_spanned!(user_span(*minus)=> -);
                quote! { #minus #a }
            }
            Node::Elementwise(_, name, a) | Node::Softmax(_, name, a) => {
                let a = value(*a);
                quote! { #a.#name() }
            }
            Node::Powi(name, exponent, a) => {
                let a = value(*a);
                quote! { #a.#name(#exponent) }
            }
            Node::Reduce(_, name, turbofish, a) | Node::Reshape(name, turbofish, a) => {
                let a = value(*a);
                quote! { #a.#name #turbofish () }
            }
            Node::Loss(_, name, a, b) => {
                let (a, b) = (value(*a), value(*b));
                quote! { #a.#name(&#b) }
            }
            Node::Index(bracket, selection, a) => {
                let a = value(*a);
                let select = selected(*bracket, selection);
                quote! { #a.#select }
            }
        };
        forward.push(quote! { let #v = #rhs; });
    }

    let root = graph.nodes.len() - 1;
    // A node used once gets its gradient from that use's rule directly (`let __gN = rule;`);
    // one used more often sums its contributions (`let __gN = __dM_K + ..;`). Binding the rule's
    // result to a name of its own and then moving it into `__gN` copied the tensor: a
    // `memcpy` per node in the generated code (the MLP example's step spent 15% in `memmove`).
    let mut uses = vec![0usize; graph.nodes.len()];
    for node in &graph.nodes {
        for operand in node.operands() {
            uses[operand] += 1;
        }
    }
    let mut contributions: Vec<Vec<syn::Ident>> = vec![Vec::new(); graph.nodes.len()];
    let mut backward = Vec::new();
    for (n, node) in graph.nodes.iter().enumerate().rev() {
        if !graph.varies(n) {
            continue;
        }
        let g = gradient(n);
        if n == root {
            let v = value(n);
            backward.push(quote! { let #g = #ad::seed(&#v); });
        } else if uses[n] > 1 {
            let parts = &contributions[n];
            backward.push(quote! { let #g = #(#parts)+*; });
        }
        let y = value(n);
        for (k, operand) in node.operands().into_iter().enumerate() {
            if !graph.varies(operand) {
                continue;
            }
            let d = format_ident!("__d{}_{}", n, k, span = Span::mixed_site());
            let x = value(operand);
            let rule = match node {
                Node::Input(_) | Node::Const(_) => continue,
                Node::Arith(kind, _, a, b) => {
                    let (a, b) = (value(*a), value(*b));
                    let f = match (kind, k) {
                        (Arith::Add, 0) => "add_lhs",
                        (Arith::Add, _) => "add_rhs",
                        (Arith::Sub, 0) => "sub_lhs",
                        (Arith::Sub, _) => "sub_rhs",
                        (Arith::Mul, 0) => "mul_lhs",
                        (Arith::Mul, _) => "mul_rhs",
                        (Arith::Div, 0) => "div_lhs",
                        (Arith::Div, _) => "div_rhs",
                    };
                    let f = syn::Ident::new(f, Span::mixed_site());
                    quote! { #ad::#f(&#g, &#a, &#b) }
                }
                Node::MatMul(_, a, b) => {
                    let (a, b) = (value(*a), value(*b));
                    if k == 0 {
                        quote! { #ad::matmul_lhs(&#g, &#a, &#b) }
                    } else {
                        quote! { #ad::matmul_rhs(&#g, &#a, &#b) }
                    }
                }
                Node::Transpose(..) => quote! { #g.t() },
                Node::Neg(..) => quote! { #ad::neg_vjp(&#g) },
                Node::Elementwise(f, ..) => {
                    let f = match f {
                        Elementwise::Exp => "exp_vjp",
                        Elementwise::Ln => "ln_vjp",
                        Elementwise::Sqrt => "sqrt_vjp",
                        Elementwise::Square => "square_vjp",
                        Elementwise::Abs => "abs_vjp",
                        Elementwise::Tanh => "tanh_vjp",
                        Elementwise::Sigmoid => "sigmoid_vjp",
                        Elementwise::Relu => "relu_vjp",
                    };
                    let f = syn::Ident::new(f, Span::mixed_site());
                    quote! { #ad::#f(&#g, &#x, &#y) }
                }
                Node::Powi(_, exponent, _) => {
                    quote! { #ad::powi_vjp(&#g, &#x, &#y, #exponent) }
                }
                Node::Reduce(r, ..) => match r {
                    Reduction::Sum => quote! { #ad::sum_vjp(#g, &#x) },
                    Reduction::Mean => quote! { #ad::mean_vjp(#g, &#x) },
                    Reduction::SumAxis => quote! { #ad::sum_axis_vjp(&#g, &#x) },
                    Reduction::MeanAxis => quote! { #ad::mean_axis_vjp(&#g, &#x) },
                },
                Node::Softmax(false, ..) => quote! { #ad::softmax_vjp(&#g, &#y) },
                Node::Softmax(true, ..) => quote! { #ad::log_softmax_vjp(&#g, &#y) },
                Node::Reshape(..) => quote! { #ad::reshape_vjp(&#g, &#x) },
                Node::Index(bracket, selection, _) => {
                    let select = selected(*bracket, selection);
                    let picked = syn::Ident::new("__picked", Span::mixed_site());
                    quote! {{
                        let #picked = #ad::positions(&#x).#select;
                        #ad::select_vjp(&#g, &#x, &#picked)
                    }}
                }
                Node::Loss(kind, _, a, b) => {
                    let (a, b) = (value(*a), value(*b));
                    let f = match (kind, k) {
                        (Loss::Mse, 0) => "mse_lhs",
                        (Loss::Mse, _) => "mse_rhs",
                        (Loss::CrossEntropy, 0) => "cross_entropy_logits",
                        (Loss::CrossEntropy, _) => "cross_entropy_target",
                    };
                    let f = syn::Ident::new(f, Span::mixed_site());
                    quote! { #ad::#f(#g, &#a, &#b) }
                }
            };
            if uses[operand] == 1 {
                let g = gradient(operand);
                backward.push(quote! { let #g = #rule; });
            } else {
                backward.push(quote! { let #d = #rule; });
                contributions[operand].push(d);
            }
        }
    }

    let params: Vec<syn::Ident> = (0..input.inputs.len())
        .map(|i| format_ident!("G{}", i, span = Span::mixed_site()))
        .collect();
    let fields = &input.inputs;
    let grads = graph.inputs.iter().map(|&n| gradient(n));
    let loss = value(root);
    quote! {{
        #[allow(unused_imports)]
        use ::tensor::autodiff::ScalarMath as _;
        /// The gradients of the loss, one field per input, each of the input's type.
        #[derive(Clone, Copy, Debug)]
        struct Gradients<#(#params),*> {
            #(#fields: #params,)*
        }
        #(#forward)*
        #(#backward)*
        (#loss, Gradients { #(#fields: #grads,)* })
    }}
}
