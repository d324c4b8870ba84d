/* @web/test-runner snapshot v1 */
export const snapshots = {};

snapshots["empty form (vi)"] = 
`form "Đánh giá mức độ hài lòng"
  heading "Đánh giá mức độ hài lòng" [level=2]
  StaticText "Hồ sơ 000.00.15.H26-250714-0903"
  StaticText "Ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn. Các câu có dấu * là bắt buộc."
  StaticText "Số định danh cá nhân"
  StaticText "Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  textbox "Số định danh cá nhân" description="Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  StaticText "Số lần Ông/Bà phải liên hệ với cơ quan để hoàn thiện hồ sơ"
  StaticText "(bắt buộc)"
  radio "Không quá 1 lần" [not checked]
  StaticText "Không quá 1 lần"
  radio "2 lần" [not checked]
  StaticText "2 lần"
  radio "Từ 3 lần trở lên" [not checked]
  StaticText "Từ 3 lần trở lên"
  StaticText "Số cơ quan Ông/Bà phải liên hệ"
  StaticText "(bắt buộc)"
  radio "1 cơ quan" [not checked]
  StaticText "1 cơ quan"
  radio "2 cơ quan" [not checked]
  StaticText "2 cơ quan"
  radio "Từ 3 cơ quan trở lên" [not checked]
  StaticText "Từ 3 cơ quan trở lên"
  StaticText "Hồ sơ được tiếp nhận và trả kết quả tại Bộ phận Một cửa"
  StaticText "(bắt buộc)"
  radio "Cả tiếp nhận và trả kết quả" [not checked]
  StaticText "Cả tiếp nhận và trả kết quả"
  radio "Chỉ một trong hai" [not checked]
  StaticText "Chỉ một trong hai"
  radio "Không" [not checked]
  StaticText "Không"
  StaticText "Thái độ của cán bộ, công chức"
  StaticText "(bắt buộc)"
  radio "Lịch sự, tận tình" [not checked]
  StaticText "Lịch sự, tận tình"
  radio "Bình thường" [not checked]
  StaticText "Bình thường"
  radio "Gây phiền hà, sách nhiễu" [not checked]
  StaticText "Gây phiền hà, sách nhiễu"
  StaticText "Theo dõi tiến độ và chất lượng dịch vụ trực tuyến"
  radio "Tốt" [not checked]
  StaticText "Tốt"
  radio "Chấp nhận được" [not checked]
  StaticText "Chấp nhận được"
  radio "Không tốt" [not checked]
  StaticText "Không tốt"
  StaticText "Mức độ hài lòng chung của Ông/Bà"
  StaticText "(bắt buộc)"
  radio "Rất hài lòng" [not checked]
  StaticText "Rất hài lòng"
  radio "Hài lòng" [not checked]
  StaticText "Hài lòng"
  radio "Không hài lòng" [not checked]
  StaticText "Không hài lòng"
  StaticText "Góp ý thêm"
  StaticText "Không ghi số định danh hay thông tin cá nhân."
  textbox "Góp ý thêm" [multiline] description="Không ghi số định danh hay thông tin cá nhân. Tối đa 1.000 ký tự."
  StaticText "Tối đa 1.000 ký tự."
  status [live=polite, atomic]
  button "Gửi đánh giá"`;
/* end snapshot empty form (vi) */

snapshots["validation errors (vi)"] = 
`form "Đánh giá mức độ hài lòng"
  heading "Đánh giá mức độ hài lòng" [level=2]
  StaticText "Hồ sơ 000.00.15.H26-250714-0903"
  generic [focused]
    alert [live=assertive, atomic]
      heading "Có lỗi cần khắc phục" [level=3]
      link "Nhập số định danh cá nhân"
        StaticText "Nhập số định danh cá nhân"
      link "Vui lòng chọn một câu trả lời cho “Số lần Ông/Bà phải liên hệ với cơ quan để hoàn thiện hồ sơ”"
        StaticText "Vui lòng chọn một câu trả lời cho “Số lần Ông/Bà phải liên hệ với cơ quan để hoàn thiện hồ sơ”"
      link "Vui lòng chọn một câu trả lời cho “Số cơ quan Ông/Bà phải liên hệ”"
        StaticText "Vui lòng chọn một câu trả lời cho “Số cơ quan Ông/Bà phải liên hệ”"
      link "Vui lòng chọn một câu trả lời cho “Hồ sơ được tiếp nhận và trả kết quả tại Bộ phận Một cửa”"
        StaticText "Vui lòng chọn một câu trả lời cho “Hồ sơ được tiếp nhận và trả kết quả tại Bộ phận Một cửa”"
      link "Vui lòng chọn một câu trả lời cho “Thái độ của cán bộ, công chức”"
        StaticText "Vui lòng chọn một câu trả lời cho “Thái độ của cán bộ, công chức”"
      link "Vui lòng chọn một câu trả lời cho “Mức độ hài lòng chung của Ông/Bà”"
        StaticText "Vui lòng chọn một câu trả lời cho “Mức độ hài lòng chung của Ông/Bà”"
  StaticText "Ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn. Các câu có dấu * là bắt buộc."
  StaticText "Số định danh cá nhân"
  StaticText "Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  StaticText "Lỗi:"
  StaticText "Nhập số định danh cá nhân"
  textbox "Số định danh cá nhân" [invalid] description="Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà. Lỗi: Nhập số định danh cá nhân"
  StaticText "Số lần Ông/Bà phải liên hệ với cơ quan để hoàn thiện hồ sơ"
  StaticText "(bắt buộc)"
  StaticText "Lỗi:"
  StaticText "Vui lòng chọn một câu trả lời."
  radio "Không quá 1 lần" [not checked, invalid]
  StaticText "Không quá 1 lần"
  radio "2 lần" [not checked, invalid]
  StaticText "2 lần"
  radio "Từ 3 lần trở lên" [not checked, invalid]
  StaticText "Từ 3 lần trở lên"
  StaticText "Số cơ quan Ông/Bà phải liên hệ"
  StaticText "(bắt buộc)"
  StaticText "Lỗi:"
  StaticText "Vui lòng chọn một câu trả lời."
  radio "1 cơ quan" [not checked, invalid]
  StaticText "1 cơ quan"
  radio "2 cơ quan" [not checked, invalid]
  StaticText "2 cơ quan"
  radio "Từ 3 cơ quan trở lên" [not checked, invalid]
  StaticText "Từ 3 cơ quan trở lên"
  StaticText "Hồ sơ được tiếp nhận và trả kết quả tại Bộ phận Một cửa"
  StaticText "(bắt buộc)"
  StaticText "Lỗi:"
  StaticText "Vui lòng chọn một câu trả lời."
  radio "Cả tiếp nhận và trả kết quả" [not checked, invalid]
  StaticText "Cả tiếp nhận và trả kết quả"
  radio "Chỉ một trong hai" [not checked, invalid]
  StaticText "Chỉ một trong hai"
  radio "Không" [not checked, invalid]
  StaticText "Không"
  StaticText "Thái độ của cán bộ, công chức"
  StaticText "(bắt buộc)"
  StaticText "Lỗi:"
  StaticText "Vui lòng chọn một câu trả lời."
  radio "Lịch sự, tận tình" [not checked, invalid]
  StaticText "Lịch sự, tận tình"
  radio "Bình thường" [not checked, invalid]
  StaticText "Bình thường"
  radio "Gây phiền hà, sách nhiễu" [not checked, invalid]
  StaticText "Gây phiền hà, sách nhiễu"
  StaticText "Theo dõi tiến độ và chất lượng dịch vụ trực tuyến"
  radio "Tốt" [not checked]
  StaticText "Tốt"
  radio "Chấp nhận được" [not checked]
  StaticText "Chấp nhận được"
  radio "Không tốt" [not checked]
  StaticText "Không tốt"
  StaticText "Mức độ hài lòng chung của Ông/Bà"
  StaticText "(bắt buộc)"
  StaticText "Lỗi:"
  StaticText "Vui lòng chọn một câu trả lời."
  radio "Rất hài lòng" [not checked, invalid]
  StaticText "Rất hài lòng"
  radio "Hài lòng" [not checked, invalid]
  StaticText "Hài lòng"
  radio "Không hài lòng" [not checked, invalid]
  StaticText "Không hài lòng"
  StaticText "Góp ý thêm"
  StaticText "Không ghi số định danh hay thông tin cá nhân."
  textbox "Góp ý thêm" [multiline] description="Không ghi số định danh hay thông tin cá nhân. Tối đa 1.000 ký tự."
  StaticText "Tối đa 1.000 ký tự."
  status [live=polite, atomic]
  button "Gửi đánh giá"`;
/* end snapshot validation errors (vi) */

snapshots["sending failed (vi)"] = 
`form "Đánh giá mức độ hài lòng"
  heading "Đánh giá mức độ hài lòng" [level=2]
  StaticText "Hồ sơ 000.00.15.H26-250714-0903"
  StaticText "Ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn. Các câu có dấu * là bắt buộc."
  StaticText "Số định danh cá nhân"
  StaticText "Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  textbox "Số định danh cá nhân" [value="079203001234"] description="Gồm 12 chữ số, in trên thẻ căn cước của Ông/Bà."
  StaticText "Số lần Ông/Bà phải liên hệ với cơ quan để hoàn thiện hồ sơ"
  StaticText "(bắt buộc)"
  radio "Không quá 1 lần" [checked]
  StaticText "Không quá 1 lần"
  radio "2 lần" [not checked]
  StaticText "2 lần"
  radio "Từ 3 lần trở lên" [not checked]
  StaticText "Từ 3 lần trở lên"
  StaticText "Số cơ quan Ông/Bà phải liên hệ"
  StaticText "(bắt buộc)"
  radio "1 cơ quan" [checked]
  StaticText "1 cơ quan"
  radio "2 cơ quan" [not checked]
  StaticText "2 cơ quan"
  radio "Từ 3 cơ quan trở lên" [not checked]
  StaticText "Từ 3 cơ quan trở lên"
  StaticText "Hồ sơ được tiếp nhận và trả kết quả tại Bộ phận Một cửa"
  StaticText "(bắt buộc)"
  radio "Cả tiếp nhận và trả kết quả" [checked]
  StaticText "Cả tiếp nhận và trả kết quả"
  radio "Chỉ một trong hai" [not checked]
  StaticText "Chỉ một trong hai"
  radio "Không" [not checked]
  StaticText "Không"
  StaticText "Thái độ của cán bộ, công chức"
  StaticText "(bắt buộc)"
  radio "Lịch sự, tận tình" [checked]
  StaticText "Lịch sự, tận tình"
  radio "Bình thường" [not checked]
  StaticText "Bình thường"
  radio "Gây phiền hà, sách nhiễu" [not checked]
  StaticText "Gây phiền hà, sách nhiễu"
  StaticText "Theo dõi tiến độ và chất lượng dịch vụ trực tuyến"
  radio "Tốt" [not checked]
  StaticText "Tốt"
  radio "Chấp nhận được" [not checked]
  StaticText "Chấp nhận được"
  radio "Không tốt" [not checked]
  StaticText "Không tốt"
  StaticText "Mức độ hài lòng chung của Ông/Bà"
  StaticText "(bắt buộc)"
  radio "Rất hài lòng" [checked]
  StaticText "Rất hài lòng"
  radio "Hài lòng" [not checked]
  StaticText "Hài lòng"
  radio "Không hài lòng" [not checked]
  StaticText "Không hài lòng"
  StaticText "Góp ý thêm"
  StaticText "Không ghi số định danh hay thông tin cá nhân."
  textbox "Góp ý thêm" [multiline, value="Cán bộ hướng dẫn tận tình."] description="Không ghi số định danh hay thông tin cá nhân. Tối đa 1.000 ký tự."
  StaticText "Tối đa 1.000 ký tự."
  status [live=polite, atomic]
  alert [live=assertive, atomic]
    StaticText "Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút."
    button "Thử lại"
  button "Gửi đánh giá"`;
/* end snapshot sending failed (vi) */

snapshots["sent (vi)"] = 
`generic "Cảm ơn Ông/Bà đã đánh giá Ý kiến của Ông/Bà đã được ghi nhận và sẽ giúp cơ quan phục vụ người dân tốt hơn." [focused]
  heading "Cảm ơn Ông/Bà đã đánh giá" [level=2]
  StaticText "Ý kiến của Ông/Bà đã được ghi nhận và sẽ giúp cơ quan phục vụ người dân tốt hơn."`;
/* end snapshot sent (vi) */

snapshots["empty form (en)"] = 
`form "Rate this service"
  heading "Rate this service" [level=2]
  StaticText "Dossier 000.00.15.H26-250714-0903"
  StaticText "Your answers help the agency serve you better. Questions marked * are required."
  StaticText "Personal identification number"
  StaticText "The 12 digits on your citizen identity card."
  textbox "Personal identification number" description="The 12 digits on your citizen identity card."
  StaticText "How many times did you have to contact the agency to complete your application?"
  StaticText "(required)"
  radio "Once at most" [not checked]
  StaticText "Once at most"
  radio "Twice" [not checked]
  StaticText "Twice"
  radio "Three times or more" [not checked]
  StaticText "Three times or more"
  StaticText "How many agencies did you have to deal with?"
  StaticText "(required)"
  radio "One" [not checked]
  StaticText "One"
  radio "Two" [not checked]
  StaticText "Two"
  radio "Three or more" [not checked]
  StaticText "Three or more"
  StaticText "Was your application received and returned at the one-stop desk?"
  StaticText "(required)"
  radio "Both received and returned there" [not checked]
  StaticText "Both received and returned there"
  radio "Only one of the two" [not checked]
  StaticText "Only one of the two"
  radio "Neither" [not checked]
  StaticText "Neither"
  StaticText "How was the officials' attitude?"
  StaticText "(required)"
  radio "Polite and helpful" [not checked]
  StaticText "Polite and helpful"
  radio "Neutral" [not checked]
  StaticText "Neutral"
  radio "Obstructive or harassing" [not checked]
  StaticText "Obstructive or harassing"
  StaticText "How good was the online service, including following your application's progress?"
  radio "Good" [not checked]
  StaticText "Good"
  radio "Acceptable" [not checked]
  StaticText "Acceptable"
  radio "Poor" [not checked]
  StaticText "Poor"
  StaticText "Overall, how satisfied are you?"
  StaticText "(required)"
  radio "Very satisfied" [not checked]
  StaticText "Very satisfied"
  radio "Satisfied" [not checked]
  StaticText "Satisfied"
  radio "Not satisfied" [not checked]
  StaticText "Not satisfied"
  StaticText "Anything else you want to tell us"
  StaticText "Do not write your identity number or other personal details."
  textbox "Anything else you want to tell us" [multiline] description="Do not write your identity number or other personal details. Up to 1,000 characters."
  StaticText "Up to 1,000 characters."
  status [live=polite, atomic]
  button "Send your evaluation"`;
/* end snapshot empty form (en) */

snapshots["validation errors (en)"] = 
`form "Rate this service"
  heading "Rate this service" [level=2]
  StaticText "Dossier 000.00.15.H26-250714-0903"
  generic [focused]
    alert [live=assertive, atomic]
      heading "There is a problem" [level=3]
      link "Enter your personal identification number"
        StaticText "Enter your personal identification number"
      link "Please choose an answer to “How many times did you have to contact the agency to complete your application?”"
        StaticText "Please choose an answer to “How many times did you have to contact the agency to complete your application?”"
      link "Please choose an answer to “How many agencies did you have to deal with?”"
        StaticText "Please choose an answer to “How many agencies did you have to deal with?”"
      link "Please choose an answer to “Was your application received and returned at the one-stop desk?”"
        StaticText "Please choose an answer to “Was your application received and returned at the one-stop desk?”"
      link "Please choose an answer to “How was the officials' attitude?”"
        StaticText "Please choose an answer to “How was the officials' attitude?”"
      link "Please choose an answer to “Overall, how satisfied are you?”"
        StaticText "Please choose an answer to “Overall, how satisfied are you?”"
  StaticText "Your answers help the agency serve you better. Questions marked * are required."
  StaticText "Personal identification number"
  StaticText "The 12 digits on your citizen identity card."
  StaticText "Error:"
  StaticText "Enter your personal identification number"
  textbox "Personal identification number" [invalid] description="The 12 digits on your citizen identity card. Error: Enter your personal identification number"
  StaticText "How many times did you have to contact the agency to complete your application?"
  StaticText "(required)"
  StaticText "Error:"
  StaticText "Please choose an answer."
  radio "Once at most" [not checked, invalid]
  StaticText "Once at most"
  radio "Twice" [not checked, invalid]
  StaticText "Twice"
  radio "Three times or more" [not checked, invalid]
  StaticText "Three times or more"
  StaticText "How many agencies did you have to deal with?"
  StaticText "(required)"
  StaticText "Error:"
  StaticText "Please choose an answer."
  radio "One" [not checked, invalid]
  StaticText "One"
  radio "Two" [not checked, invalid]
  StaticText "Two"
  radio "Three or more" [not checked, invalid]
  StaticText "Three or more"
  StaticText "Was your application received and returned at the one-stop desk?"
  StaticText "(required)"
  StaticText "Error:"
  StaticText "Please choose an answer."
  radio "Both received and returned there" [not checked, invalid]
  StaticText "Both received and returned there"
  radio "Only one of the two" [not checked, invalid]
  StaticText "Only one of the two"
  radio "Neither" [not checked, invalid]
  StaticText "Neither"
  StaticText "How was the officials' attitude?"
  StaticText "(required)"
  StaticText "Error:"
  StaticText "Please choose an answer."
  radio "Polite and helpful" [not checked, invalid]
  StaticText "Polite and helpful"
  radio "Neutral" [not checked, invalid]
  StaticText "Neutral"
  radio "Obstructive or harassing" [not checked, invalid]
  StaticText "Obstructive or harassing"
  StaticText "How good was the online service, including following your application's progress?"
  radio "Good" [not checked]
  StaticText "Good"
  radio "Acceptable" [not checked]
  StaticText "Acceptable"
  radio "Poor" [not checked]
  StaticText "Poor"
  StaticText "Overall, how satisfied are you?"
  StaticText "(required)"
  StaticText "Error:"
  StaticText "Please choose an answer."
  radio "Very satisfied" [not checked, invalid]
  StaticText "Very satisfied"
  radio "Satisfied" [not checked, invalid]
  StaticText "Satisfied"
  radio "Not satisfied" [not checked, invalid]
  StaticText "Not satisfied"
  StaticText "Anything else you want to tell us"
  StaticText "Do not write your identity number or other personal details."
  textbox "Anything else you want to tell us" [multiline] description="Do not write your identity number or other personal details. Up to 1,000 characters."
  StaticText "Up to 1,000 characters."
  status [live=polite, atomic]
  button "Send your evaluation"`;
/* end snapshot validation errors (en) */

snapshots["sending failed (en)"] = 
`form "Rate this service"
  heading "Rate this service" [level=2]
  StaticText "Dossier 000.00.15.H26-250714-0903"
  StaticText "Your answers help the agency serve you better. Questions marked * are required."
  StaticText "Personal identification number"
  StaticText "The 12 digits on your citizen identity card."
  textbox "Personal identification number" [value="079203001234"] description="The 12 digits on your citizen identity card."
  StaticText "How many times did you have to contact the agency to complete your application?"
  StaticText "(required)"
  radio "Once at most" [checked]
  StaticText "Once at most"
  radio "Twice" [not checked]
  StaticText "Twice"
  radio "Three times or more" [not checked]
  StaticText "Three times or more"
  StaticText "How many agencies did you have to deal with?"
  StaticText "(required)"
  radio "One" [checked]
  StaticText "One"
  radio "Two" [not checked]
  StaticText "Two"
  radio "Three or more" [not checked]
  StaticText "Three or more"
  StaticText "Was your application received and returned at the one-stop desk?"
  StaticText "(required)"
  radio "Both received and returned there" [checked]
  StaticText "Both received and returned there"
  radio "Only one of the two" [not checked]
  StaticText "Only one of the two"
  radio "Neither" [not checked]
  StaticText "Neither"
  StaticText "How was the officials' attitude?"
  StaticText "(required)"
  radio "Polite and helpful" [checked]
  StaticText "Polite and helpful"
  radio "Neutral" [not checked]
  StaticText "Neutral"
  radio "Obstructive or harassing" [not checked]
  StaticText "Obstructive or harassing"
  StaticText "How good was the online service, including following your application's progress?"
  radio "Good" [not checked]
  StaticText "Good"
  radio "Acceptable" [not checked]
  StaticText "Acceptable"
  radio "Poor" [not checked]
  StaticText "Poor"
  StaticText "Overall, how satisfied are you?"
  StaticText "(required)"
  radio "Very satisfied" [checked]
  StaticText "Very satisfied"
  radio "Satisfied" [not checked]
  StaticText "Satisfied"
  radio "Not satisfied" [not checked]
  StaticText "Not satisfied"
  StaticText "Anything else you want to tell us"
  StaticText "Do not write your identity number or other personal details."
  textbox "Anything else you want to tell us" [multiline, value="Cán bộ hướng dẫn tận tình."] description="Do not write your identity number or other personal details. Up to 1,000 characters."
  StaticText "Up to 1,000 characters."
  status [live=polite, atomic]
  alert [live=assertive, atomic]
    StaticText "The service is temporarily unavailable. Please try again in a few minutes."
    button "Try again"
  button "Send your evaluation"`;
/* end snapshot sending failed (en) */

snapshots["sent (en)"] = 
`generic "Thank you for your evaluation Your answers have been recorded. They help the agency serve citizens better." [focused]
  heading "Thank you for your evaluation" [level=2]
  StaticText "Your answers have been recorded. They help the agency serve citizens better."`;
/* end snapshot sent (en) */

